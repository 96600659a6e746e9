"""Which files a run reads: command-line paths and folders, expanded into a sorted list.

The rules (README "On the command line"):

- A **folder** is searched recursively for files whose name ends in one of
  the registered families' suffixes and ``.pdf`` (any case: ``.TXT`` too), or matches one of the ``--glob``
  patterns when any is given. Hidden files and folders (a name starting with ``.``) are
  skipped. Paths are sorted, so the output order is stable.
- Only **regular files** are read: a FIFO, socket or device (met in a folder or named on the
  command line) is skipped and reported, never waited for. To read a pipe, use ``-``
  (standard input).
- **Symbolic links** inside a folder are followed only when they point inside that folder;
  a link to a file or a folder elsewhere is skipped and reported (a folder from an archive
  cannot make the run read ``~/.ssh``). A link to a folder inside is not descended into
  (its files are read under their own path). A path named on the command line is read
  wherever it points.
- A folder or subfolder that cannot be read, a broken link and a folder with no matching
  file are reported.

Everything reported is a :class:`Skipped` entry; the command line prints each and exits
with status 1.

Example:
    >>> collect(["no/such/folder/"]).tasks[0].source
    'no/such/folder/'
"""

from __future__ import annotations

import fnmatch
import os
import stat
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field

from gijiroku.batch import Task, describe_file_type

__all__ = ["DEFAULT_SUFFIXES", "Collected", "Skipped", "collect", "default_suffixes"]


#: What a folder run reads by default: the suffixes the registered minutes families declare
#: (``Format.suffixes``: ``.txt`` for committee, diet and assembly minutes; ``.md``,
#: ``.markdown``, ``.rst`` for summary minutes) and ``.pdf``, which :func:`gijiroku.parse_file`
#: reads through the ``pdf`` extra. Matched in any case. A family registered later (an entry
#: point or :func:`gijiroku.formats.register_format`) adds its suffixes: see
#: :func:`default_suffixes`.
def default_suffixes() -> tuple[str, ...]:
    """The suffixes a folder run reads now: every registered family's, then ``.pdf``."""
    from gijiroku.formats import FORMATS

    found: dict[str, None] = {}
    for fmt in FORMATS.values():
        found.update((suffix.lower(), None) for suffix in fmt.suffixes)
    found[".pdf"] = None
    return tuple(found)


#: The suffixes read by default when this module was imported (see the comment above).
DEFAULT_SUFFIXES: tuple[str, ...] = default_suffixes()


@dataclass(frozen=True)
class Skipped:
    """An input the run did not read, and why; ``code`` is stable (``not-a-regular-file``,
    ``link-outside-folder``, ``broken-link``, ``unreadable-folder``, ``no-matching-files``)."""

    path: str
    code: str
    reason: str


@dataclass
class Collected:
    """The tasks of a run, in order, and what was skipped; ``single`` is True when one file
    (or ``-``) was named, so that JSON output is one document rather than an array."""

    tasks: list[Task] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    single: bool = False


def collect(paths: Sequence[str], patterns: Sequence[str] = ()) -> Collected:
    """Expand command-line ``paths`` into tasks; ``-`` reads standard input (once).

    Args:
        paths: files, folders, or ``-``.
        patterns: ``fnmatch`` patterns for file names in folders; none means "any of
            :data:`DEFAULT_SUFFIXES`".

    Raises:
        ValueError: ``-`` was given more than once.
    """
    if list(paths).count("-") > 1:
        raise ValueError("- (standard input) can be given only once")
    found = Collected()
    for arg in paths:
        if arg == "-":
            data = sys.stdin.buffer.read()
            found.tasks.append(
                Task(len(found.tasks), "<stdin>", content=data, source_name="<stdin>")
            )
            continue
        try:
            mode = os.stat(arg).st_mode
        except OSError:
            mode = None  # missing or unreadable: reading it reports why
        if mode is not None and stat.S_ISDIR(mode):
            files = _walk(arg, patterns, found.skipped)
            for path in files:
                found.tasks.append(Task(len(found.tasks), path, path=path, source_name=path))
        elif mode is not None and not stat.S_ISREG(mode):
            found.skipped.append(_not_regular(arg, mode))
        else:
            found.tasks.append(Task(len(found.tasks), arg, path=arg, source_name=arg))
    found.single = len(paths) == 1 and (paths[0] == "-" or not os.path.isdir(paths[0]))
    return found


def _not_regular(path: str, mode: int) -> Skipped:
    return Skipped(
        path,
        "not-a-regular-file",
        f"{describe_file_type(mode)}, not a regular file: not read "
        "(to read a pipe, send it to standard input: gijiroku parse - < PATH)",
    )


def _matches(name: str, patterns: Sequence[str]) -> bool:
    if patterns:
        return any(fnmatch.fnmatch(name, pattern) for pattern in patterns)
    return name.lower().endswith(default_suffixes())


def _inside(path: str, root: str) -> bool:
    try:
        return os.path.commonpath([path, root]) == root
    except ValueError:  # Windows: another drive
        return False


def _walk(root: str, patterns: Sequence[str], skipped: list[Skipped]) -> list[str]:
    """The matching regular files under ``root``, sorted by their path below it."""
    real_root = os.path.realpath(root)

    def unreadable(error: OSError) -> None:
        where = error.filename if error.filename is not None else root
        skipped.append(
            Skipped(
                os.fsdecode(where), "unreadable-folder", f"cannot read folder: {error.strerror}"
            )
        )

    found: list[tuple[tuple[str, ...], str]] = []
    for directory, subdirectories, files in os.walk(root, onerror=unreadable):
        kept = []
        for name in subdirectories:
            if name.startswith("."):
                continue
            path = os.path.join(directory, name)
            if not os.path.islink(path):
                kept.append(name)
            elif not _inside(os.path.realpath(path), real_root):
                skipped.append(_outside(path, "folder", root))
        subdirectories[:] = kept
        for name in files:
            if name.startswith(".") or not _matches(name, patterns):
                continue
            path = os.path.join(directory, name)
            problem = _check_file(path, real_root, root)
            if problem is not None:
                skipped.append(problem)
                continue
            found.append((tuple(os.path.relpath(path, root).split(os.sep)), path))
    if not found and not any(s.path == root for s in skipped):
        wanted = ", ".join(patterns) if patterns else "any of " + ", ".join(default_suffixes())
        skipped.append(Skipped(root, "no-matching-files", f"no files matching {wanted}"))
    return [path for _, path in sorted(found)]


def _check_file(path: str, real_root: str, root: str) -> Skipped | None:
    """Why a matching entry of a folder is not read, or None to read it."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        if os.path.islink(path):
            return Skipped(path, "broken-link", f"a broken link (to {os.readlink(path)}): not read")
        return None  # reading it reports why
    if os.path.islink(path) and not _inside(os.path.realpath(path), real_root):
        return _outside(path, "file", root)
    if not stat.S_ISREG(mode):
        return _not_regular(path, mode)
    return None


def _outside(path: str, kind: str, root: str) -> Skipped:
    return Skipped(
        path,
        "link-outside-folder",
        f"a link to a {kind} outside {root} ({os.path.realpath(path)}): not read "
        "(name it on the command line to read it)",
    )
