"""The ``gijiroku`` command.

Usage::

    gijiroku parse PATH... [-o OUT] [-f json|jsonl|csv|parquet] [-j N] [--glob PATTERN]
                           [--family NAME] [--encoding CODEC] [--bom | --no-bom]
                           [--progress | --no-progress] [-q]
    gijiroku check PATH... [-j N] [--glob PATTERN] [--family NAME] [--encoding CODEC]
                           [--min-severity info|warning|error] [-q]
    gijiroku schema
    gijiroku formats
    gijiroku --version

``PATH`` is a file, a directory (searched recursively for files matching ``--glob``,
comma-separated patterns, default ``*.txt,*.pdf``; hidden files and folders are skipped;
paths are sorted), or ``-`` for standard input. Data goes to standard output or
``--output``; progress, failures and the summary go to standard error.

Exit status: 0 success; 1 some files failed (``check``: or had warnings or errors); 2 usage
error (``argparse``'s, a missing optional dependency, an output that cannot be written).
"""

from __future__ import annotations

import argparse
import fnmatch
import importlib.util
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO, Any, TextIO

from gijiroku import __version__
from gijiroku.api import json_schema
from gijiroku.batch import ParseResult, Task, run_tasks
from gijiroku.formats import FORMATS
from gijiroku.models import Diagnostic
from gijiroku.writers import OUTPUT_FORMATS, MinutesWriter, open_writer

__all__ = ["main"]

#: File-name patterns for directories, separated by commas (PDFs are read with gijiroku[pdf]).
DEFAULT_GLOB = "*.txt,*.pdf"
SEVERITIES = ("info", "warning", "error")
#: Failures listed again in the summary, at most.
SUMMARY_FAILURES = 20


class UsageError(Exception):
    """A problem with the command line that argparse cannot see (exit status 2)."""


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if jobs < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return jobs


def _add_input_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="a file, a directory (searched recursively), or - for standard input",
    )
    command.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=None,
        metavar="N",
        help="worker processes (default: every core; 1: no pool)",
    )
    command.add_argument(
        "--glob",
        default=DEFAULT_GLOB,
        metavar="PATTERN",
        help=f"file-name patterns for directories, comma-separated (default: {DEFAULT_GLOB})",
    )
    command.add_argument(
        "--family",
        choices=sorted(FORMATS),
        default=None,
        help="the minutes family; detected from the text when omitted",
    )
    command.add_argument("--encoding", default=None, help="decode input with this codec")
    command.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar and no summary"
    )


def _build_parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="gijiroku",
        description="Parse Japanese meeting minutes (議事録) into JSON, CSV or Parquet.",
    )
    top.add_argument("--version", action="version", version=f"gijiroku {__version__}")
    commands = top.add_subparsers(dest="command", metavar="COMMAND")

    parse_cmd = commands.add_parser(
        "parse",
        help="parse minutes into JSON, JSON Lines, CSV or Parquet",
        description="Parse minutes files into records. Failures are reported on stderr and "
        "do not stop the run; the exit status is 1 when some file failed.",
    )
    _add_input_options(parse_cmd)
    parse_cmd.add_argument(
        "-o", "--output", metavar="FILE", help="write here instead of standard output"
    )
    parse_cmd.add_argument(
        "-f",
        "--format",
        choices=OUTPUT_FORMATS,
        default="json",
        help="json: one document (an array for several files or a directory); "
        "jsonl: one line per file; csv, parquet: one row per utterance",
    )
    parse_cmd.add_argument(
        "--bom",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="csv: start with a UTF-8 byte-order mark, for Excel "
        "(default: yes in a file, no on standard output)",
    )
    parse_cmd.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="a progress bar on stderr (default: when stderr is a terminal)",
    )

    check_cmd = commands.add_parser(
        "check",
        help="list what the parser did not understand, like a linter",
        description="Print every diagnostic as PATH:LINE: SEVERITY CODE MESSAGE. The exit "
        "status is 1 when some file has warnings or errors, or failed.",
    )
    _add_input_options(check_cmd)
    check_cmd.add_argument(
        "--min-severity",
        choices=SEVERITIES,
        default="info",
        help="print diagnostics of this severity and above (default: info, i.e. all)",
    )

    commands.add_parser("schema", help="print the JSON Schema of the output")
    commands.add_parser("formats", help="list the minutes families")
    return top


# --- inputs -------------------------------------------------------------------------------


@dataclass
class _Inputs:
    tasks: list[Task] = field(default_factory=list)
    single: bool = False
    notes: list[str] = field(default_factory=list)


def _collect(paths: Sequence[str], pattern: str) -> _Inputs:
    """Expand the PATH arguments into tasks, in order; directories are walked and sorted."""
    if list(paths).count("-") > 1:
        raise UsageError("- (standard input) can be given only once")
    inputs = _Inputs()
    for arg in paths:
        if arg == "-":
            data = sys.stdin.buffer.read()
            inputs.tasks.append(
                Task(len(inputs.tasks), "<stdin>", content=data, source_name="<stdin>")
            )
        elif os.path.isdir(arg):
            found = _walk(arg, pattern)
            if not found:
                inputs.notes.append(f"{arg}: no files matching {pattern!r}")
            for path in found:
                inputs.tasks.append(Task(len(inputs.tasks), path, path=path, source_name=path))
        else:
            inputs.tasks.append(Task(len(inputs.tasks), arg, path=arg, source_name=arg))
    inputs.single = len(paths) == 1 and (paths[0] == "-" or not os.path.isdir(paths[0]))
    return inputs


def _walk(root: str, pattern: str) -> list[str]:
    patterns = [p.strip() for p in pattern.split(",") if p.strip()]
    found: list[tuple[tuple[str, ...], str]] = []
    for directory, subdirectories, files in os.walk(root):
        subdirectories[:] = [d for d in subdirectories if not d.startswith(".")]
        for name in files:
            if not name.startswith(".") and any(fnmatch.fnmatch(name, p) for p in patterns):
                path = os.path.join(directory, name)
                found.append((tuple(os.path.relpath(path, root).split(os.sep)), path))
    return [path for _, path in sorted(found)]


# --- progress and reporting ---------------------------------------------------------------


class _Reporter:
    """Progress bar, failure messages and the summary, all on stderr."""

    def __init__(self, total: int, *, show_progress: bool, unit: str) -> None:
        self.started = time.perf_counter()
        self.bar: Any = None
        if show_progress:
            from tqdm import tqdm

            tqdm.monitor_interval = 0  # no monitor thread: workers fork from one thread
            self.bar = tqdm(total=total, unit=unit, file=sys.stderr, dynamic_ncols=True)

    def message(self, text: str) -> None:
        if self.bar is not None:
            self.bar.write(text, file=sys.stderr)
        else:
            print(text, file=sys.stderr)

    def advance(self) -> None:
        if self.bar is not None:
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None

    def elapsed(self) -> float:
        return time.perf_counter() - self.started


def _show_progress(args: argparse.Namespace) -> bool:
    if args.quiet:
        return False
    if args.progress is not None:
        return bool(args.progress)
    return sys.stderr.isatty()


def _report_failure(reporter: _Reporter, result: ParseResult) -> None:
    if result.internal:
        reporter.message(
            f"gijiroku: {result.source}: internal error (please report it): "
            f"{result.error_type}: {result.error}"
        )
        if result.traceback:
            reporter.message(result.traceback.rstrip())
    else:
        reporter.message(f"gijiroku: {result.source}: {result.error}")


def _counted(counts: Counter[str]) -> str:
    if not counts:
        return "none"
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return ", ".join(f"{code} {count}" for code, count in ordered)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


# --- commands -----------------------------------------------------------------------------


def _open_output(args: argparse.Namespace, single: bool) -> MinutesWriter:
    to_stdout = args.output in (None, "-")
    if args.format == "parquet":
        if importlib.util.find_spec("pyarrow") is None:
            raise UsageError(
                "Parquet output needs pyarrow; install it with: pip install 'gijiroku[pandas]'"
            )
        if to_stdout:
            raise UsageError("Parquet output needs a file: add --output FILE")
    if not to_stdout:
        parent = os.path.dirname(os.path.abspath(args.output))
        if not os.path.isdir(parent):
            raise UsageError(f"cannot write {args.output}: no directory {parent}")
        if os.path.isdir(args.output):
            raise UsageError(f"cannot write {args.output}: it is a directory")
    bom = args.bom if args.bom is not None else (args.format == "csv" and not to_stdout)
    target: str | IO[Any] = sys.stdout if to_stdout else args.output
    return open_writer(args.format, target, single=single and args.format == "json", bom=bom)


def _results(inputs: _Inputs, args: argparse.Namespace) -> Iterator[ParseResult]:
    return run_tasks(inputs.tasks, jobs=args.jobs, format=args.family, encoding=args.encoding)


def _parse_command(args: argparse.Namespace) -> int:
    inputs = _collect(args.paths, args.glob)
    writer = _open_output(args, inputs.single)
    reporter = _Reporter(len(inputs.tasks), show_progress=_show_progress(args), unit="file")
    for note in inputs.notes:
        reporter.message(f"gijiroku: {note}")
    failures: list[tuple[str, str]] = []  # (source, error type): kept small for big runs
    codes: Counter[str] = Counter()
    parsed = turns = 0
    try:
        for result in _results(inputs, args):
            reporter.advance()
            if result.minutes is None:
                failures.append((result.source, result.error_type or "Error"))
                _report_failure(reporter, result)
                continue
            writer.write(result.minutes)
            parsed += 1
            turns += len(result.minutes.utterances)
            codes.update(d.code for d in result.minutes.diagnostics)
    finally:
        writer.close()
        reporter.close()
    if not args.quiet:
        files = len(inputs.tasks)
        elapsed = reporter.elapsed()
        rate = f", {files / elapsed:.1f} files/s" if files and elapsed > 0 else ""
        print(
            f"gijiroku: {_plural(files, 'file')}: {parsed} parsed, {len(failures)} failed; "
            f"{_plural(turns, 'turn')}; {elapsed:.2f} s{rate}",
            file=sys.stderr,
        )
        print(f"gijiroku: diagnostics: {_counted(codes)}", file=sys.stderr)
        if failures:
            listed = ", ".join(f"{path} ({kind})" for path, kind in failures[:SUMMARY_FAILURES])
            more = len(failures) - SUMMARY_FAILURES
            extra = f" and {more} more" if more > 0 else ""
            print(f"gijiroku: failed: {listed}{extra}", file=sys.stderr)
    return 1 if failures else 0


def _kebab(name: str) -> str:
    out = []
    for i, ch in enumerate(name):
        if ch.isupper() and i and not name[i - 1].isupper():
            out.append("-")
        out.append(ch.lower())
    return "".join(out)


def _diagnostic_line(path: str, diagnostic: Diagnostic) -> str:
    message = diagnostic.message
    where = path
    if diagnostic.span is not None:
        line = diagnostic.span.line_start
        where = f"{path}:{line}"
        prefix = f"line {line}: "
        if message.startswith(prefix):
            message = message[len(prefix) :]
    return f"{where}: {diagnostic.severity} {diagnostic.code} {message}"


def _check_command(args: argparse.Namespace, out: TextIO) -> int:
    inputs = _collect(args.paths, args.glob)
    reporter = _Reporter(len(inputs.tasks), show_progress=False, unit="file")
    for note in inputs.notes:
        reporter.message(f"gijiroku: {note}")
    threshold = SEVERITIES.index(args.min_severity)
    severities: Counter[str] = Counter()
    failed = flagged = 0
    for result in _results(inputs, args):
        if result.minutes is None:
            failed += 1
            code = "internal-error" if result.internal else _kebab(result.error_type or "Error")
            print(f"{result.source}: error {code} {result.error}", file=out)
            continue
        serious = False
        for diagnostic in result.minutes.diagnostics:
            severities[diagnostic.severity] += 1
            serious = serious or diagnostic.severity in ("warning", "error")
            if SEVERITIES.index(diagnostic.severity) >= threshold:
                print(_diagnostic_line(result.source, diagnostic), file=out)
        flagged += serious
    out.flush()
    if not args.quiet:
        counted = ", ".join(
            _plural(severities[s], s) for s in reversed(SEVERITIES) if severities[s]
        )
        print(
            f"gijiroku: {_plural(len(inputs.tasks), 'file')} checked: {failed} failed, "
            f"{flagged} with warnings or errors; diagnostics: {counted or 'none'}",
            file=sys.stderr,
        )
    return 1 if failed or flagged else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit status."""
    parser = _build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "parse":
            return _parse_command(args)
        if args.command == "check":
            return _check_command(args, sys.stdout)
    except UsageError as exc:
        print(f"gijiroku: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. `gijiroku parse dir | head`: stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except OSError as exc:  # the output could not be written (reading errors are results)
        print(f"gijiroku: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("gijiroku: interrupted", file=sys.stderr)
        return 130
    if args.command == "schema":
        print(json.dumps(json_schema(), ensure_ascii=False, indent=1))
        return 0
    if args.command == "formats":
        for fmt in FORMATS.values():
            print(f"{fmt.name}\t{fmt.description}")
        return 0
    parser.print_usage(sys.stderr)
    return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
