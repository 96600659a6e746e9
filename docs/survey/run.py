"""Parse every file of the survey corpus and print what gijiroku made of it.

Usage (from the worktree, with its venv)::

    .venv/bin/python survey/run.py                 # the table, one block per file
    .venv/bin/python survey/run.py --detail 07     # every turn, member, section of files 07…
    .venv/bin/python survey/run.py --markdown      # the table as Markdown rows
    .venv/bin/python survey/run.py --members       # members, suspect names, absentees

Each file is parsed with ``source_name="minutes.txt"`` so that no fact (a date, a title)
can come from the file's own name.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import regex

import gijiroku

#: The survey's files, kept once, where the tests read them too.
CORPUS = Path(__file__).resolve().parents[2] / "tests" / "data" / "unseen"


def corpus_files(prefixes: list[str]) -> list[Path]:
    """The corpus files, in name order, restricted to the given name prefixes."""
    files = sorted(p for p in CORPUS.glob("*.txt"))
    if prefixes:
        files = [p for p in files if any(p.name.startswith(x) for x in prefixes)]
    return files


def parse(path: Path) -> gijiroku.Minutes:
    """Parse one corpus file the way the survey does: text in, a neutral source name."""
    return gijiroku.parse(path.read_text(encoding="utf-8"), source_name="minutes.txt")


def speaker_summary(m: gijiroku.Minutes, limit: int = 5) -> list[str]:
    """The first ``limit`` distinct speaker labels as ``label → name/role``."""
    seen: list[str] = []
    out: list[str] = []
    for u in m.utterances:
        if u.speaker.label in seen:
            continue
        seen.append(u.speaker.label)
        out.append(f"{u.speaker.label} → {u.speaker.name or '-'}/{u.speaker.role or '-'}")
        if len(out) == limit:
            break
    return out


def diagnostic_codes(m: gijiroku.Minutes) -> str:
    """Every diagnostic code with its count; warnings marked with ``!``."""
    counts = Counter((d.code, d.severity) for d in m.diagnostics)
    parts = []
    for (code, severity), n in sorted(counts.items()):
        mark = "!" if severity in ("warning", "error") else ""
        parts.append(f"{mark}{code}" + (f"×{n}" if n > 1 else ""))
    return " ".join(parts) or "-"


def summary_block(path: Path, m: gijiroku.Minutes) -> str:
    """The survey's record of one file, as a few indented lines."""
    q = m.quality
    assert q is not None  # every parse carries its quality record
    mt = m.meeting
    lines = [
        f"{path.name}",
        f"  family     {q.format} {q.format_score:.2f} (runner-up {q.runner_up} {q.runner_up_score:.2f})",
        f"  date       {mt.date} (raw {mt.date_raw!r})  time {mt.start_time}–{mt.end_time}",
        f"  title      {mt.title!r}",
        f"  body       {mt.body!r}   venue {mt.venue!r}",
        f"  members    {len(m.members)}   turns {len(m.utterances)}   sections {len(m.sections)}"
        f"   events {len(m.events)}   layout {len(m.layout)}",
        f"  speakers   {' | '.join(speaker_summary(m)) or '-'}",
        f"  diagnostics {diagnostic_codes(m)}",
    ]
    return "\n".join(lines)


def markdown_row(path: Path, m: gijiroku.Minutes) -> str:
    """One Markdown table row per file."""
    q = m.quality
    assert q is not None
    mt = m.meeting
    cells = [
        path.name.removesuffix(".txt"),
        f"{q.format} {q.format_score:.2f}",
        str(mt.date),
        (mt.title or "-")[:30],
        (mt.body or "-")[:20],
        (mt.venue or "-")[:20],
        str(len(m.members)),
        str(len(m.utterances)),
        "; ".join(speaker_summary(m, 3)) or "-",
        str(len(m.sections)),
        diagnostic_codes(m),
    ]
    return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"


def detail(path: Path, m: gijiroku.Minutes) -> str:
    """Everything a reviewer needs to judge a parse: turns, members, sections, diagnostics."""
    out = [summary_block(path, m), "  -- header"]
    out += [f"     {h.key!r} [{h.name}] {h.value[:60]!r}" for h in m.header]
    out.append("  -- members")
    out += [
        f"     {x.id} {x.name!r} title={x.title!r} group={x.group!r} seat={x.seat} "
        f"att={x.attendance} L{x.span.line_start} entry={x.entry[:40]!r}"
        for x in m.members
    ]
    out.append("  -- sections")
    out += [f"     {s.id} {s.kind} L{s.span.line_start} {s.title[:50]!r}" for s in m.sections]
    out.append("  -- turns")
    for u in m.utterances:
        sp = u.speaker
        out.append(
            f"     {u.id} L{u.span.line_start}-{u.span.line_end} {sp.label!r} → "
            f"name={sp.name!r} role={sp.role!r} id={u.speaker_id} | {u.text[:50]!r}"
        )
    out.append("  -- diagnostics")
    out += [
        f"     {d.severity} {d.code} L{d.span.line_start if d.span else '-'}: {d.message[:110]}"
        for d in m.diagnostics
    ]
    lost = m.unaccounted(path.read_text(encoding="utf-8"))
    out.append(f"  -- unaccounted: {len(lost)}")
    return "\n".join(out)


#: A member name no reader would list: one character, a digit, 番, a colon, a count, an
#: aside (以下, の各) left in it.
SUSPECT_NAME_RE = regex.compile(r"^.$|[0-9０-９番:：]|[(（]以下|の各|名$")


def members_line(path: Path, m: gijiroku.Minutes) -> tuple[str, int, int, int]:
    """Members, suspect names and absentees of one file (survey §2.2, §2.3): the line and
    the three counts."""
    suspect = [x.name for x in m.members if x.name and SUSPECT_NAME_RE.search(x.name)]
    absent = [x.name or x.title for x in m.members if x.attendance == "absent"]
    unread = sum(1 for d in m.diagnostics if d.code == "roster-unread")
    line = (
        f"{path.name[:2]}  members {len(m.members):3}  suspect {len(suspect):2} {suspect[:4]}"
        f"  absent {len(absent):2} {absent[:4]}  roster-unread {unread}"
    )
    return line, len(suspect), len(absent), unread


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("prefixes", nargs="*", help="only the files whose names start so")
    parser.add_argument("--detail", action="store_true", help="every turn, member and section")
    parser.add_argument("--markdown", action="store_true", help="one Markdown row a file")
    parser.add_argument("--members", action="store_true", help="members, suspect names, absent")
    args = parser.parse_args(argv)
    totals = [0, 0, 0, 0]
    for path in corpus_files(args.prefixes):
        m = parse(path)
        if args.members:
            line, suspect, absent, unread = members_line(path, m)
            if m.members or unread:
                print(line)
            for k, n in enumerate((len(m.members), suspect, absent, unread)):
                totals[k] += n
        elif args.markdown:
            print(markdown_row(path, m))
        elif args.detail:
            print(detail(path, m), end="\n\n")
        else:
            print(summary_block(path, m), end="\n\n")
    if args.members:
        print("total: members {}, suspect names {}, absent {}, roster-unread {}".format(*totals))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
