"""Speaker resolution: from a printed label to a member of the roster, one resolver for all.

A label names a speaker by name (``（曽根委員）``, ``議長（尾辻秀久君）``), by seat
(``４番（奈良祥孝君）``), by surname and title (``林委員``,
``土屋オリンピック・パラリンピック準備局国際大会準備担当部長``), or by title alone (``座長``,
``情報政策課長``). :class:`Roster` finds the one member the label can mean, and says why when
it cannot: no guesses.

Example:
    >>> roster = Roster([MemberDraft("m1", "曽根", "委員", roles=["座長"])])
    >>> roster.resolve(name=None, role="座長").member_id
    'm1'
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace

from gijiroku.dates import parse_number
from gijiroku.names import (
    CHAIR_ROLES,
    HONORIFICS,
    Evidence,
    fold_variants,
    position_suffix,
    split_person,
    split_portfolio,
    starts_with_department,
    strip_honorific,
    title_family,
)
from gijiroku.normalize import compact, memoized
from gijiroku.rosters import MemberDraft

__all__ = ["LabelParts", "MemberDraft", "Resolution", "Roster", "analyze_label"]

_MARKS = "〇○◯●◎◆■◇□△▲▼☆★"
_MARK_RE = re.compile(rf"^[{_MARKS}][ \u3000]*")


@dataclass(frozen=True, slots=True)
class LabelParts:
    """A label taken apart: the mark, the label as printed, name, role, seat (議席番号), name
    hint, and the honorific printed after the name (君, 議員)."""

    mark: str | None
    printed: str
    name: str | None
    role: str | None
    seat: int | None = None
    hint: str | None = None
    honorific: str | None = None


#: ``outer（inner）after``: 座長（曽根委員）, 議長（尾辻秀久君）, （伊藤よしのり議長）, 鈴木（貴）委員.
_PAREN_LABEL_RE = re.compile(r"^(?P<outer>[^（(]*)[（(](?P<inner>[^（()）]+)[)）](?P<after>.*)$")
#: A seat number before the name: ４番（奈良祥孝君）, 12番, １２番議員（芝和也議員）.
_SEAT_RE = re.compile(r"^(?P<seat>[0-9０-９]{1,3}|[一二三四五六七八九十]{1,4})番(?:議員)?$")
#: A seat number that starts a label printed without parentheses: 14番松村潤議員.
_SEAT_PREFIX_RE = re.compile(r"^(?P<seat>[0-9０-９]{1,3})番(?:議員)?(?P<rest>.*)$")


def _honorific_of(text: str) -> str | None:
    return next((h for h in HONORIFICS if text.endswith(h) and len(text) > len(h)), None)


def _person_in_parens(inner: str, known_titles: Collection[str]) -> tuple[str | None, str | None]:
    """The name (and a role) printed in a label's parentheses: 曽根委員, 尾辻秀久君, 伊藤よしのり議長."""
    bare, _ = strip_honorific(inner)
    name, role = split_person(bare, known_titles=known_titles)
    if name is None and role == bare and not starts_with_department(bare):
        # parentheses name a person: what precedes the title is the name (伊藤よしのり議長)
        suffix = position_suffix(bare)
        if suffix and len(bare) > len(suffix):
            return bare[: -len(suffix)], suffix
    if name is None and role is None:
        return bare, None
    return name, role


def analyze_label(
    label: str,
    paren_name: str | None = None,
    *,
    mark: str | None = None,
    known_titles: Collection[str] = (),
) -> LabelParts:
    """Split a speaker label (as printed, maybe with a mark) into its parts.

    ``paren_name`` is a name printed on the next line (``座長`` / ``（曽根委員）``).

    Shapes: ``role（name君）``, ``role（name）``, ``role（name議員）``, ``（name role）``,
    ``name role``, ``N番（name君）``, ``N番name議員``, ``（name君）``, ``role`` alone; spaces
    inside (``議 長``, ``植竹　貴``) are ignored. In ``role（name）`` the role is all that
    precedes the parenthesis (``文教委員長（藤田二郎君）``); ``surname（hint）role`` keeps the
    start of the given name as ``hint`` (``林（宏）委員``); a parenthesis that names a portfolio
    (``…担当``) is no name and stays with the role as printed (``伊奈川参事官(社会保障担当)`` →
    伊奈川, ``参事官(社会保障担当)``). ``name role`` is split by
    :func:`~gijiroku.names.split_person`, with the document's :class:`~gijiroku.names.Evidence`
    when ``known_titles`` is one (``荒井スポーツ振興局施設担当部長`` → 荒井, the rest).

    Example:
        >>> analyze_label("座長", "曽根委員")
        LabelParts(mark=None, printed='座長（曽根委員）', name='曽根', role='座長', seat=None, hint=None, honorific=None)
        >>> analyze_label("〇河野大臣").name
        '河野'
        >>> p = analyze_label("議長（尾辻秀久君）"); (p.name, p.role, p.honorific)
        ('尾辻秀久', '議長', '君')
        >>> p = analyze_label("４番（奈良祥孝君）"); (p.name, p.role, p.seat)
        ('奈良祥孝', None, 4)
        >>> p = analyze_label("（伊藤よしのり議長）"); (p.name, p.role)
        ('伊藤よしのり', '議長')
        >>> p = analyze_label("伊奈川参事官(社会保障担当)"); (p.name, p.role)
        ('伊奈川', '参事官(社会保障担当)')
        >>> p = analyze_label("文教委員長（藤田二郎君）"); (p.name, p.role)
        ('藤田二郎', '文教委員長')
    """
    if not known_titles and not (isinstance(known_titles, Evidence) and known_titles.people):
        # no evidence: the label reads as it does alone, remembered for the parse (the
        # evidence is gathered from these very readings); ``mark`` is only given back
        parts = memoized("analyze_label", _analyze_plainly, (label, paren_name))
        return parts if mark is None or parts.mark is not None else replace(parts, mark=mark)
    return _analyze_label(label, paren_name, mark, known_titles)


def _analyze_plainly(key: tuple[str, str | None]) -> LabelParts:
    label, paren_name = key
    return _analyze_label(label, paren_name, None, ())


def _analyze_label(
    label: str, paren_name: str | None, mark: str | None, known_titles: Collection[str]
) -> LabelParts:
    mark_match = _MARK_RE.match(label)
    if mark_match:
        mark = mark_match.group().strip()
        label = label[mark_match.end() :]
    core = compact(label)
    if paren_name:
        core = f"{core}（{compact(paren_name)}）"
    printed = core
    seat: int | None = None
    hint: str | None = None
    paren = _PAREN_LABEL_RE.match(core)
    if paren is not None and not paren["after"] and split_portfolio(core)[1] is not None:
        paren = None  # 伊奈川参事官(社会保障担当): a portfolio, not a name
    if paren is not None:
        outer, inner, after = paren["outer"], paren["inner"], paren["after"]
        seat_match = _SEAT_RE.match(outer)
        if seat_match:
            seat = parse_number(seat_match["seat"])
            outer = ""
        if after and len(inner) <= 3 and outer:
            # 鈴木（貴）委員: a surname, the start of the given name, then the role
            name, role = outer, after
            hint = inner
            return LabelParts(mark, printed, name, role, seat, hint)
        inner_bare = compact(inner)
        if (
            outer
            and not after
            and (inner_bare in known_titles or position_suffix(inner_bare) == inner_bare)
        ):
            # 山田（座長）: the name first, the role in the parentheses
            outer_name, outer_role = split_person(outer, known_titles=known_titles)
            if outer_role is None:
                return LabelParts(mark, printed, outer_name, inner_bare, seat, hint)
        name, inner_role = _person_in_parens(inner, known_titles)
        # role（name）: what precedes the parenthesis is the role, whole (文教委員長)
        role = outer or inner_role or (compact(after) or None)
        honorific = _honorific_of(inner) if name else None
        return LabelParts(mark, printed, name, role, seat, hint, honorific)
    seat_prefix = _SEAT_PREFIX_RE.match(core)
    if seat_prefix is not None:
        # 14番松村潤議員: the seat, then the member's name
        seat, core = parse_number(seat_prefix["seat"]), seat_prefix["rest"]
    bare, honorific = strip_honorific(core)
    if seat is not None:
        return LabelParts(mark, printed, bare or None, None, seat, None, honorific)
    name, role = split_person(bare, known_titles=known_titles)
    return LabelParts(mark, printed, name, role, seat, hint, honorific if name else None)


@dataclass(frozen=True, slots=True)
class Resolution:
    """The member a label means (``member_id``), or why there is none (``problem``)."""

    member_id: str | None
    problem: str | None = None
    candidates: tuple[str, ...] = ()


class Roster:
    """The members a document lists, indexed for resolving speaker labels.

    It also follows who presides: a label like ``議長（尾辻秀久君）`` or a note like
    ``〔委員長退席、理事山田太郎君着席〕`` changes who a bare ``委員長`` label means from there on.
    Names, titles and labels are compared with old character forms folded to today's
    (米窪國務大臣 ~ 米窪国務大臣, 石﨑 ~ 石崎); ``evidence`` (the document's own, see
    :func:`gijiroku.labels.gather_evidence`) gives the full name of a speaker a label names by
    surname when no member fits (:meth:`resolve_label`).
    """

    #: Names are looked up by their first characters (a surname is at most this long).
    PREFIX = 6

    def __init__(self, members: Iterable[MemberDraft], *, evidence: Evidence | None = None) -> None:
        self.members: list[MemberDraft] = []
        self.acting: dict[str, str] = {}
        self.evidence = evidence
        self._full: dict[str, list[MemberDraft]] = {}
        self._surname: dict[str, list[MemberDraft]] = {}
        # members by the first character of their folded name, with that name: the members
        # whose name starts with a text are found among these (one entry a member, where a
        # table of every start of every name took six)
        self._first: dict[str, list[tuple[str, MemberDraft]]] = {}
        self._role: dict[str, list[MemberDraft]] = {}
        self._title: dict[str, list[MemberDraft]] = {}
        self._seat: dict[int, list[MemberDraft]] = {}
        # what resolve_label gave for each label, until a member or an acting chair changes
        # (and while the evidence, which only grows, keeps its size)
        self._resolved: dict[tuple[LabelParts, int, int], tuple[LabelParts, Resolution | None]] = {}
        # the same by the parts object itself, which the turns of one label share: found by
        # its id, without hashing its seven fields (the entry keeps the object, so its id is
        # taken by no other while the entry lasts; checked all the same); emptied with the
        # table above
        self._resolved_by_object: dict[
            int, tuple[LabelParts, int, int, tuple[LabelParts, Resolution | None]]
        ] = {}
        for m in members:
            self.add(m)

    def add(self, member: MemberDraft) -> None:
        """Index a member (the roster's, or a speaker a label names whom the roster lacks)."""
        m = member
        self._resolved.clear()
        self._resolved_by_object.clear()
        self.members.append(m)
        if m.name:
            name = fold_variants(m.name)
            self._full.setdefault(name, []).append(m)
            self._first.setdefault(name[0], []).append((name, m))
        if m.surname:
            self._surname.setdefault(fold_variants(m.surname), []).append(m)
        for role in m.roles:
            self._role.setdefault(fold_variants(role), []).append(m)
        if m.title:
            self._title.setdefault(fold_variants(m.title), []).append(m)
        if m.seat is not None:
            self._seat.setdefault(m.seat, []).append(m)

    def __bool__(self) -> bool:
        return bool(self.members)

    def _unique(self, found: list[MemberDraft], what: str) -> Resolution | None:
        found = list({m.id: m for m in found}.values())  # one member found twice is one
        if len(found) == 1:
            return Resolution(found[0].id)
        if len(found) > 1:
            ids = tuple(m.id for m in found)
            names = "、".join(m.name or m.title or m.id for m in found)
            return Resolution(None, f"{what} fits {len(found)} members ({names})", ids)
        return None

    def _starting_with(self, start: str) -> list[MemberDraft]:
        """The members whose folded name starts with ``start`` (folded), in the order they
        were added."""
        return [m for name, m in self._first.get(start[:1], ()) if name.startswith(start)]

    def _by_name(self, name: str, role: str | None, hint: str | None) -> list[MemberDraft]:
        name = fold_variants(name)
        full = self._full.get(name)
        if full:
            return list(full)
        found = list(self._surname.get(name, ()))
        if not found:
            found = self._starting_with(name)
        if hint and len(found) > 1:
            hint = fold_variants(hint)
            found = [
                m for m in found if m.name and fold_variants(m.name)[len(name) :].startswith(hint)
            ] or found
        if len(found) > 1 and role:
            found = (
                [m for m in found if _fits_role(m, role)]
                or [m for m in found if _ends_with_title(m, role)]
                or found
            )
        return found

    def resolve(
        self,
        *,
        name: str | None,
        role: str | None,
        hint: str | None = None,
        seat: int | None = None,
    ) -> Resolution:
        """The member a label with this name and role means.

        A name is matched in full, then as a surname (the start of a full name), narrowed by
        the given-name hint and then by the role when several fit (every title and role a
        member holds counts, ministerial titles as one family: 国務大臣 fits a 財務大臣); a
        seat number picks a member by seat; a role alone is matched against the acting
        chair, members' roles (座長), titles (情報政策課長), then as a surname followed by
        the member's title.
        """
        if name:
            found = self._by_name(name, role, hint)
            if seat is not None and len(found) > 1:
                found = [m for m in found if m.seat == seat] or found
            result = self._unique(found, f"name {name}")
            return result or Resolution(None, f"no member is called {name}")
        if seat is not None:
            result = self._unique(list(self._seat.get(seat, ())), f"seat {seat}")
            if result is not None:
                return result
        if role:
            if role in self.acting:
                return Resolution(self.acting[role])
            key = fold_variants(role)
            for found in (
                list(self._role.get(key, ())),
                list(self._title.get(key, ())),
                self._by_surname_and_title(key),
            ):
                result = self._unique(found, f"role {role}")
                if result is not None:
                    return result
            return Resolution(None, f"no member holds the role {role}")
        return Resolution(None, "the label names nobody")

    def resolve_label(self, parts: LabelParts) -> tuple[LabelParts, Resolution | None]:
        """The member a label means, and the label's parts as the document completes them.

        Resolution as :meth:`resolve` (None when the roster is empty); then, when no member
        fits and no two do:

        - a label split into surname and title whose whole is a member's title is read as
          that title (a title alone the vocabulary took for surname + title);
        - a surname the document prints with a full name elsewhere (the header's list of
          members, a self-introduction; :attr:`evidence`) gives that full name, which is
          resolved again and named in the returned parts (``迫川委員長`` → 迫川高行).
        """
        evidence = self.evidence
        titles, people = (len(evidence), len(evidence.people)) if evidence is not None else (0, 0)
        seen = self._resolved_by_object.get(id(parts))
        if seen is not None and seen[0] is parts and seen[1] == titles and seen[2] == people:
            return seen[3]  # (what the table below holds for it)
        key = (parts, titles, people)
        known = self._resolved.get(key)
        if known is None:  # a label is printed many times: resolved once while nothing changes
            known = self._resolved[key] = self._resolve_label(parts)
        self._resolved_by_object[id(parts)] = (parts, titles, people, known)
        return known

    def _resolve_label(self, parts: LabelParts) -> tuple[LabelParts, Resolution | None]:
        resolution = self._resolve_parts(parts) if self else None
        if _settled(resolution):
            return parts, resolution
        if parts.name and parts.role and parts.printed == parts.name + parts.role:
            key = fold_variants(parts.printed)
            whole = self._unique([*self._role.get(key, ()), *self._title.get(key, ())], key)
            if whole is not None and whole.member_id is not None:
                return replace(parts, name=None, role=parts.printed), whole
        if self.evidence is not None and parts.name:
            full = self.evidence.full_name(parts.name, parts.hint, parts.role)
            if full is not None and fold_variants(full) != fold_variants(parts.name):
                parts = replace(parts, name=full, hint=None)
                if self:
                    resolution = self._resolve_parts(parts)
        return parts, resolution

    def _resolve_parts(self, parts: LabelParts) -> Resolution:
        return self.resolve(name=parts.name, role=parts.role, hint=parts.hint, seat=parts.seat)

    def _by_surname_and_title(self, label: str) -> list[MemberDraft]:
        """Members whose name starts ``label`` (folded) and one of whose titles ends it: a
        label printed as surname + bureau + title (土屋オリンピック・パラリンピック準備局
        国際大会準備担当部長 → 土屋 太郎, 国際大会準備担当部長). The surname is the one the
        roster shows, else the start the label shares with the full name. A title the label
        ends with beats one printed a little differently (…準備局長 for …準備局局長: the same
        bureau and the same last word)."""
        exact: list[MemberDraft] = []
        loose: list[MemberDraft] = []
        spaced = (self._surname.get(label[:k], []) for k in range(1, self.PREFIX + 1))
        solid = (m for m in self._starting_with(label[:2]) if not m.surname)
        for m in itertools.chain(*spaced, solid):
            if not m.name:
                continue
            name = fold_variants(m.name)
            if m.surname:
                surname = fold_variants(m.surname)
                if not label.startswith(surname):
                    continue
                cut = len(surname)
            else:  # no surname shown: the start the label shares with the name, two or more
                cut = _common_prefix(label, name)
                cut = cut if cut >= 2 else 0
            rest = label[cut:]
            suffix = position_suffix(rest) if cut else None
            if suffix is None:
                continue
            titles = [fold_variants(t) for t in (m.title, *m.roles) if t]
            if any(rest.endswith(t) or (m.surname and t.endswith(rest)) for t in titles):
                exact.append(m)
            elif m.surname and any(
                position_suffix(t) == suffix and _common_prefix(rest, t) >= 2 for t in titles
            ):
                loose.append(m)
        return exact or loose

    def presides(self, role: str, member_id: str | None) -> None:
        """From now on a bare ``role`` label (議長, 委員長) means this member (None: the titular
        holder again)."""
        if self.acting.get(role) == member_id:
            return
        self._resolved.clear()
        self._resolved_by_object.clear()
        if member_id is None:
            self.acting.pop(role, None)
        else:
            self.acting[role] = member_id

    def chair_change(self, note: str) -> None:
        """Follow a note like 〔委員長退席、理事山田太郎君着席〕 or 〔議長退席、副議長着席〕."""
        match = _CHAIR_CHANGE_RE.search(compact(note))
        if match is None:
            return
        leaving, taking = match["out"], match["in"]
        role = next((r for r in CHAIR_ROLES if leaving.endswith(r) and leaving == r), None)
        if role is None:
            # the acting chair leaves and the titular one returns: 理事山田太郎君退席、委員長着席
            role = next((r for r in CHAIR_ROLES if taking == r), None)
            if role is not None:
                self.presides(role, None)
            return
        person = _TITLE_PREFIX_RE.sub("", strip_honorific(taking)[0])
        if person in CHAIR_ROLES or person.startswith("副"):
            result = self.resolve(name=None, role=person)
        else:
            result = self.resolve(name=person, role=None)
        if result.member_id is not None:
            self.presides(role, result.member_id)


_CHAIR_CHANGE_RE = re.compile(r"(?P<out>[^、，〔（]+?)退席[、，](?P<in>[^、，〕）]+?)着席")
_TITLE_PREFIX_RE = re.compile(r"^(?:理事|委員|副委員長|委員長代理|副議長|副会長|会長代理|副座長)")


def _common_prefix(a: str, b: str) -> int:
    return next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )


def _settled(resolution: Resolution | None) -> bool:
    """A member was found, or several fit (which no further evidence should overrule)."""
    return resolution is not None and (
        resolution.member_id is not None or bool(resolution.candidates)
    )


def _bare_title(title: str) -> str:
    """A title folded, without its portfolio: 国務大臣（金融担当） → 国務大臣."""
    return split_portfolio(fold_variants(compact(title)))[0]


def _held_titles(member: MemberDraft) -> list[str]:
    """Every title a member holds, folded and without portfolios: the title, the roles, and
    the list the roster prints them under when it names a post (国務大臣, 副大臣)."""
    group = member.group if member.group and position_suffix(member.group) else None
    return [_bare_title(t) for t in (member.title, *member.roles, group) if t]


def _fits_role(member: MemberDraft, role: str) -> bool:
    """The label's role is one of the member's titles and roles, or of the same family."""
    wanted = _bare_title(role)
    held = _held_titles(member)
    if wanted in held:
        return True
    family = title_family(wanted)
    return any(title_family(t) == family for t in held)


def _ends_with_title(member: MemberDraft, role: str) -> bool:
    """The label's role ends with one of the member's titles printed in full, a bureau before
    it (オリンピック・パラリンピック準備局スポーツ施設担当部長 for スポーツ施設担当部長), or the
    other way round; a bare title word (委員長) on either side is not enough."""
    wanted = _bare_title(role)
    if not _is_full_title(wanted):
        return False
    return any(
        _is_full_title(held) and (wanted.endswith(held) or held.endswith(wanted))
        for held in _held_titles(member)
    )


def _is_full_title(title: str) -> bool:
    """More than a title word: 施設担当部長, not 部長."""
    return len(title) > len(position_suffix(title) or title)
