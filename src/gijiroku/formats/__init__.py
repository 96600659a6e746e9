"""The registry of minutes families and :func:`detect_format`.

Each family is one module here that builds a :class:`~gijiroku.formats.base.Format`; adding
a family is that module plus one line in :data:`FORMATS`.

Example:
    >>> detect_format("座長 それでは始める。").name
    'committee'
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from gijiroku.errors import FormatNotFound
from gijiroku.formats.assembly import ASSEMBLY
from gijiroku.formats.base import Format
from gijiroku.formats.committee import COMMITTEE
from gijiroku.formats.diet import DIET
from gijiroku.formats.summary import SUMMARY

__all__ = ["FORMATS", "Format", "detect_format", "get_format"]

#: Registered families by name, in the order they are tried when scores tie.
FORMATS: Mapping[str, Format] = MappingProxyType(
    {fmt.name: fmt for fmt in (COMMITTEE, DIET, SUMMARY, ASSEMBLY)}
)
#: The family used when no detector is confident.
DEFAULT_FORMAT = COMMITTEE
#: How much of the text the detectors look at.
HEAD_CHARS = 8000
#: A first look at less text settles most documents: when one family is sure (at least
#: ``SURE``) and the next is far behind (by ``MARGIN``), the longer look is skipped.
FIRST_LOOK_CHARS = 2000
SURE = 0.9
MARGIN = 0.4


def _scores(head: str) -> list[tuple[float, int, Format]]:
    """(score, registration order, family), best first; ties go to the earlier family."""
    found = [(fmt.looks_like(head), -order, fmt) for order, fmt in enumerate(FORMATS.values())]
    found.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return [(score, -order, fmt) for score, order, fmt in found]


def detect_format(text: str) -> Format:
    """The family whose detector scores the head of ``text`` highest.

    Ties go to the family registered first; text that no detector recognises gets the
    committee rules, the most general ones. The detectors first read the first
    ``FIRST_LOOK_CHARS`` characters and read up to ``HEAD_CHARS`` only when that leaves the
    choice open.
    """
    if len(text) > FIRST_LOOK_CHARS:
        first = _scores(text[:FIRST_LOOK_CHARS])
        if first[0][0] >= SURE and first[0][0] - first[1][0] >= MARGIN:
            return first[0][2]
    ranked = _scores(text[:HEAD_CHARS])
    return ranked[0][2] if ranked[0][0] > 0.0 else DEFAULT_FORMAT


def get_format(name: str | None, text: str = "") -> Format:
    """The family called ``name``, or the detected one when ``name`` is None.

    Raises:
        FormatNotFound: ``name`` is not registered.
    """
    if name is None:
        return detect_format(text)
    if not isinstance(name, str):
        raise TypeError(f"format must be a str or None, not {type(name).__name__}")
    try:
        return FORMATS[name]
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise FormatNotFound(f"unknown format {name!r}; known formats: {known}") from None
