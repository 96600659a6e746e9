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


def detect_format(text: str) -> Format:
    """The family whose detector scores the head of ``text`` highest.

    Ties go to the family registered first; text that no detector recognises gets the
    committee rules, the most general ones.
    """
    head = text[:HEAD_CHARS]
    best, best_score = DEFAULT_FORMAT, 0.0
    for fmt in FORMATS.values():
        score = fmt.looks_like(head)
        if score > best_score:
            best, best_score = fmt, score
    return best


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
