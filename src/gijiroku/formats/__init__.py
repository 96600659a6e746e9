r"""The registry of minutes families, and :func:`detect_format`.

A family is a :class:`~gijiroku.formats.base.Format` subclass in one module. The built-in
ones are registered here, explicitly; any other package adds its own with
:func:`register_format` or through the entry-point group ``gijiroku.formats`` (each entry
point names a ``Format`` subclass or instance), and takes part in detection like the
built-in ones. :data:`FORMATS` is a read-only view of the registry.

Example:
    >>> detect_format("○議長（山田太郎君）　ただいまから本日の会議を開きます。\n"
    ...               "◎日程第１　会議録署名議員の指名\n").name
    'assembly'
    >>> detect_format("座長 それでは始める。").name  # too little to tell a family
    'generic'
"""

from __future__ import annotations

import importlib
import importlib.metadata
import operator
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from gijiroku.errors import FormatNotFound
from gijiroku.formats.base import FIT_LOW, Detection, Format, Head

__all__ = [
    "ENTRY_POINT_GROUP",
    "FORMATS",
    "Detection",
    "Format",
    "Head",
    "assess",
    "choose_format",
    "detect_format",
    "get_format",
    "register_format",
    "unregister_format",
]

#: The entry-point group a package lists its families under.
ENTRY_POINT_GROUP = "gijiroku.formats"
#: How much of the text the detectors look at.
HEAD_CHARS = 8000
#: A first look at less text settles most documents: when one family is sure (at least
#: ``SURE``) and the next is far behind (by ``MARGIN``), the longer look is skipped.
FIRST_LOOK_CHARS = 2000
SURE = 0.9
MARGIN = 0.4


@dataclass(slots=True)
class _Entry:
    """A registered family; a built-in one names the module and class it is loaded from
    (``"gijiroku.formats.diet:Diet"``) until it is first needed."""

    name: str
    priority: int
    order: int
    loaded: Format | None = None
    source: str = ""

    @property
    def fmt(self) -> Format:
        if self.loaded is None:
            module, _, cls = self.source.partition(":")
            self.loaded = getattr(importlib.import_module(module), cls)()
        return self.loaded


class _Registry(Mapping[str, Format]):
    """Registered families by name, in detection order (priority, then registration)."""

    def __init__(self) -> None:
        self._entries: dict[str, _Entry] = {}
        self._counter = 0
        self._plugins_loaded = False
        self._ranked: list[_Entry] | None = None
        self._detectors: list[tuple[Format, bool]] | None = None

    def add(self, fmt: Format, priority: int, *, replace: bool) -> None:
        if not isinstance(fmt, Format):
            raise TypeError(f"register_format() takes a Format, not {type(fmt).__name__}")
        if not fmt.name or not isinstance(fmt.name, str):
            raise ValueError("a format needs a name")
        self._add(_Entry(fmt.name, priority, 0, loaded=fmt), replace=replace)

    def add_builtin(self, name: str, source: str, priority: int) -> None:
        """Register a built-in family by ``"module:Class"``, imported when first needed."""
        self._add(_Entry(name, priority, 0, source=source), replace=False)

    def _add(self, entry: _Entry, *, replace: bool) -> None:
        if entry.name in self._entries and not replace:
            raise ValueError(f"a format called {entry.name!r} is registered already")
        self._counter += 1
        entry.order = self._counter
        self._entries[entry.name] = entry
        self._ranked = self._detectors = None

    def remove(self, name: str) -> Format:
        entry = self._entries.pop(name, None)
        if entry is None:
            raise FormatNotFound(f"no format called {name!r} is registered")
        self._ranked = self._detectors = None
        return entry.fmt

    def ranked(self) -> list[_Entry]:
        """Entries in detection order: higher priority first, then the earlier registered."""
        self._load_plugins()
        if self._ranked is None:
            self._ranked = sorted(self._entries.values(), key=lambda e: (-e.priority, e.order))
        return self._ranked

    def detectors(self) -> list[tuple[Format, bool]]:
        """The families in detection order, loaded, each with whether its class's
        ``looks_like_head`` reads as its ``looks_like`` (:func:`_reads_alike`); kept until
        the registry changes (every detection reads them all)."""
        if self._detectors is None:
            self._detectors = [
                (entry.fmt, _reads_alike(type(entry.fmt))) for entry in self.ranked()
            ]
        return self._detectors

    def fallback(self) -> Format | None:
        """The family a document no family fits is read by (``FALLBACK_FORMAT``), if
        registered."""
        self._load_plugins()
        entry = self._entries.get(FALLBACK_FORMAT)
        return None if entry is None else entry.fmt

    def _load_plugins(self) -> None:
        if self._plugins_loaded:
            return
        self._plugins_loaded = True
        for point in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
            loaded = point.load()
            fmt = loaded() if isinstance(loaded, type) and issubclass(loaded, Format) else loaded
            if fmt.name not in self._entries:
                self.add(fmt, getattr(loaded, "priority", 0), replace=False)

    def __getitem__(self, name: str) -> Format:
        self._load_plugins()
        return self._entries[name].fmt

    def __iter__(self) -> Iterator[str]:
        return (entry.name for entry in self.ranked())

    def __len__(self) -> int:
        self._load_plugins()
        return len(self._entries)

    def __repr__(self) -> str:
        return f"<formats: {', '.join(self)}>"


_REGISTRY = _Registry()
#: The registered families by name (read-only), in detection order.
FORMATS: Mapping[str, Format] = _REGISTRY


def register_format(fmt: Format, *, priority: int = 0, replace: bool = False) -> None:
    """Add a family to the registry, so that ``parse(..., format=fmt.name)`` finds it and
    :func:`detect_format` considers it.

    Args:
        fmt: the family (an instance of a :class:`Format` subclass).
        priority: detection order among families that score the same (higher first);
            the built-in families have priorities 10 to 40.
        replace: replace a family registered under the same name (else ``ValueError``).
    """
    _REGISTRY.add(fmt, priority, replace=replace)


def unregister_format(name: str) -> Format:
    """Remove the family called ``name`` from the registry and return it.

    Raises:
        FormatNotFound: no family of that name is registered.
    """
    return _REGISTRY.remove(name)


_REGISTRY.add_builtin("committee", "gijiroku.formats.committee:Committee", priority=40)
_REGISTRY.add_builtin("diet", "gijiroku.formats.diet:Diet", priority=30)
_REGISTRY.add_builtin("summary", "gijiroku.formats.summary:Summary", priority=20)
_REGISTRY.add_builtin("assembly", "gijiroku.formats.assembly:Assembly", priority=10)
_REGISTRY.add_builtin("generic", "gijiroku.formats.generic:Generic", priority=0)

#: The profile a document is read with when no family fits it well (scores below
#: :data:`~gijiroku.formats.base.FIT_LOW`).
FALLBACK_FORMAT = "generic"


def _defined_by(cls: type, name: str) -> type:
    """The class of ``cls``'s MRO whose body defines ``name``."""
    return next(owner for owner in cls.__mro__ if name in owner.__dict__)


#: Per family class: whether its :meth:`~Format.looks_like_head` reads what its
#: :meth:`~Format.looks_like` would (it is defined in the class that defines ``looks_like``
#: or below it), so that detection may call it. (A cache of classes, not of texts.)
_HOOK_READS_ALIKE: dict[type, bool] = {}


def _reads_alike(cls: type) -> bool:
    """Whether the family class's ``looks_like_head`` reads as its ``looks_like``."""
    alike = _HOOK_READS_ALIKE.get(cls)
    if alike is None:
        alike = issubclass(_defined_by(cls, "looks_like_head"), _defined_by(cls, "looks_like"))
        _HOOK_READS_ALIKE[cls] = alike
    return alike


def _score(fmt: Format, head: Head, alike: bool) -> float:
    """How detection scores ``head`` with ``fmt``: its ``looks_like_head``, unless a subclass
    (or the instance) overrides ``looks_like`` below the class that defines the hook
    (``alike``: :func:`_reads_alike` of its class)."""
    if alike and "looks_like" not in getattr(fmt, "__dict__", ()):
        return fmt.looks_like_head(head)
    return fmt.looks_like(head.text)


def _score_of(fmt: Format) -> Callable[[Head], float]:
    """:func:`_score` with ``fmt``, as a function of the head."""
    alike = _reads_alike(type(fmt))
    return lambda head: _score(fmt, head, alike)


_SCORE = operator.itemgetter(0)


def _scores(text: str) -> list[tuple[float, Format]]:
    """(score, family) of the head ``text``, best first; ties go to the family ranked
    first. The head's views (its lines …) are cut once, for every family."""
    head = Head(text)
    found = [(_score(fmt, head, alike), fmt) for fmt, alike in _REGISTRY.detectors()]
    found.sort(key=_SCORE, reverse=True)  # stable: ties keep the ranking
    return found


def _detection(ranked: list[tuple[float, Format]]) -> Detection:
    """The best family; when none fits well, the fallback profile, scored as the best family
    (which is then the runner-up)."""
    best_score, best = ranked[0]
    scores = tuple([(fmt.name, score) for score, fmt in ranked])
    fallback = _REGISTRY.fallback()
    if best_score < FIT_LOW and fallback is not None and best is not fallback:
        return Detection(fallback, best_score, best, best_score, scores)
    # the runner-up: the next family that is not the best one
    for runner_score, runner in ranked[1:]:
        if runner is not best:
            return Detection(best, best_score, runner, runner_score, scores)
    return Detection(best, best_score, None, 0.0, scores)


def detect_format(text: str) -> Detection:
    """The family whose detector scores the head of ``text`` highest.

    Ties go to the family of higher priority (then the one registered first); when no
    family scores :data:`~gijiroku.formats.base.FIT_LOW` or more, the text is read by the
    generic profile (``FALLBACK_FORMAT``). The detectors first read the first
    ``FIRST_LOOK_CHARS`` characters and read up to ``HEAD_CHARS`` only when that leaves the
    choice open.

    Raises:
        FormatNotFound: no family is registered.
    """
    if not isinstance(text, str):
        raise TypeError(f"detect_format() takes str, not {type(text).__name__}")
    if not _REGISTRY.detectors():
        raise FormatNotFound("no minutes family is registered")
    if len(text) > FIRST_LOOK_CHARS:
        first = _scores(text[:FIRST_LOOK_CHARS])
        if first[0][0] >= SURE and (len(first) < 2 or first[0][0] - first[1][0] >= MARGIN):
            return _detection(first)
    return _detection(_scores(text[:HEAD_CHARS]))


def assess(fmt: Format, text: str) -> Detection:
    """How well ``text`` fits ``fmt`` (a family chosen by name, not detected)."""
    score = max(0.0, min(_score_of(fmt)(Head(text[:HEAD_CHARS])), 1.0))
    return Detection(
        format=fmt, score=score, runner_up=None, runner_up_score=0.0, scores=((fmt.name, score),)
    )


def choose_format(format: str | Format | None, text: str) -> Detection:
    """The family to read ``text`` with: ``format`` (a name or a family) when given, else
    the detected one; with the score it gets."""
    if format is None:
        return detect_format(text)
    fmt = format if isinstance(format, Format) else get_format(format)
    return assess(fmt, text)


def get_format(name: str | None, text: str = "") -> Format:
    """The family called ``name``, or the detected one when ``name`` is None.

    Raises:
        FormatNotFound: ``name`` is not registered.
    """
    if name is None:
        return detect_format(text).format
    if not isinstance(name, str):
        raise TypeError(f"format must be a str or None, not {type(name).__name__}")
    try:
        return FORMATS[name]
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise FormatNotFound(f"unknown format {name!r}; known formats: {known}") from None
