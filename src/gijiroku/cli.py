"""The ``gijiroku`` command.

Usage::

    gijiroku parse PATH... [-o OUT] [-f json|jsonl|csv|parquet] [-j N] [--glob PATTERN]...
                           [--family NAME] [--encoding CODEC] [--bom | --no-bom]
                           [--progress | --no-progress] [-q]
    gijiroku check PATH... [-j N] [--glob PATTERN]... [--family NAME] [--encoding CODEC]
                           [--min-severity info|warning|error] [-q]
    gijiroku schema
    gijiroku formats
    gijiroku kokkai fetch [--house H] [--meeting M] [--from DATE] [--until DATE] [-o OUT] …
    gijiroku --version

``PATH`` is a file, a folder (searched recursively; which files are read — every family's
suffixes and PDFs — and which are skipped and reported, is said in :mod:`gijiroku.inputs`),
or ``-`` for standard input. Data goes to standard output or ``--output``; progress,
failures and the summary go to standard error. An output file is written under a temporary
name in its folder and renamed when the run ends; an output that is one of the inputs is
refused.

Exit status: 0 success; 1 some input failed, was skipped or could not be written
(``check``: or had warnings or errors), or no input was found; 2 usage error (argparse's, a
missing optional dependency, an output that is an input or cannot be written); 130, 143,
129 stopped by SIGINT (Ctrl-C), SIGTERM, SIGHUP; 141 standard output was closed (``| head``).
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import importlib.util
import json
import os
import signal
import stat
import sys
import threading
import time
from collections import Counter
from collections.abc import Generator, Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from types import FrameType
from typing import IO, Any, TextIO

from gijiroku import __version__
from gijiroku.api import json_schema
from gijiroku.batch import ParseResult, Task, run_tasks
from gijiroku.errors import OutputError
from gijiroku.formats import FORMATS
from gijiroku.inputs import Collected, Skipped, collect, default_suffixes
from gijiroku.kokkai_client import add_command as add_kokkai_command
from gijiroku.kokkai_client import run_command as run_kokkai_command
from gijiroku.models import Diagnostic
from gijiroku.writers import OUTPUT_FORMATS, MinutesWriter, open_writer

__all__ = ["main"]

#: Exit status when standard output was closed by its reader (128 + SIGPIPE, as a Unix tool
#: killed by it).
CLOSED_PIPE = 141
SEVERITIES = ("info", "warning", "error")
#: Failures listed again in the summary, at most.
SUMMARY_FAILURES = 20


class UsageError(Exception):
    """A problem with the command line that argparse cannot see (exit status 2)."""


class _Signalled(BaseException):
    """Raised in the main thread when SIGINT, SIGTERM or SIGHUP arrives: the run stops,
    workers are terminated, a partial output file is deleted; the status is 128 + signal."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum
        self.status = 128 + signum


@contextlib.contextmanager
def _stopped_by_signals() -> Iterator[None]:
    """Turn SIGINT, SIGTERM and SIGHUP into :class:`_Signalled` while the command runs (the
    first one only: later ones are ignored while the run cleans up). A signal the command
    was started with ignored (``nohup``, a background job) stays ignored."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    handled = [
        number
        for number in (getattr(signal, n, None) for n in ("SIGINT", "SIGTERM", "SIGHUP"))
        if number is not None and signal.getsignal(number) is not signal.SIG_IGN  # nohup, &
    ]

    def stop(signum: int, frame: FrameType | None) -> None:
        for number in handled:
            signal.signal(number, signal.SIG_IGN)
        raise _Signalled(signum)

    previous = {number: signal.signal(number, stop) for number in handled}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _encoding(value: str) -> str:
    try:
        info = codecs.lookup(value)
    except LookupError:
        info = None
    # base64, rot13 …: codecs, but not ones that turn bytes into text
    if info is None or not getattr(info, "_is_text_encoding", True):
        raise argparse.ArgumentTypeError(f"not a text encoding: {value!r}")
    return value


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
        action="append",
        default=None,
        metavar="PATTERN",
        help="file-name pattern for folders; repeat it for several (default: names ending in "
        f"{', '.join(default_suffixes())}, any case)",
    )
    command.add_argument(
        "--family",
        choices=sorted(FORMATS),
        default=None,
        help="the minutes family; detected from the text when omitted",
    )
    command.add_argument(
        "--encoding", type=_encoding, default=None, help="decode input with this codec"
    )
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
    add_kokkai_command(commands)
    return top


# --- inputs -------------------------------------------------------------------------------


def _collect(args: argparse.Namespace) -> Collected:
    try:
        return collect(args.paths, args.glob or ())
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def _refuse_output_among_inputs(output: str | None, tasks: Sequence[Task]) -> None:
    """An output that is one of the inputs (by name, through a link, or a hard link) would
    be overwritten: refuse it before anything is read."""
    if output in (None, "-"):
        return
    real = os.path.realpath(output)
    try:
        written = os.stat(output)
    except OSError:
        written = None
    same_file = written is not None and stat.S_ISREG(written.st_mode)
    for task in tasks:
        if task.path is None:
            continue
        hit = os.path.realpath(task.path) == real
        if not hit and same_file and written is not None:
            with contextlib.suppress(OSError):
                read = os.stat(task.path)
                hit = (read.st_dev, read.st_ino) == (written.st_dev, written.st_ino)
        if hit:
            raise UsageError(
                f"the output {output} is one of the inputs ({task.source}); it would be "
                "overwritten: choose another --output"
            )


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


def _report_skipped(reporter: _Reporter, skipped: Sequence[Skipped]) -> None:
    for entry in skipped:
        reporter.message(f"gijiroku: {entry.path}: {entry.reason}")


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
        if os.path.isdir(args.output):
            raise UsageError(f"cannot write {args.output}: it is a directory")
        parent = os.path.dirname(os.path.realpath(args.output))
        if not os.path.isdir(parent):
            raise UsageError(f"cannot write {args.output}: no directory {parent}")
        direct = os.path.exists(args.output) and not os.path.isfile(args.output)  # /dev/null
        if not direct and not os.access(parent, os.W_OK):  # the temporary file goes there
            raise UsageError(f"cannot write {args.output}: cannot write in the folder {parent}")
    bom = args.bom if args.bom is not None else (args.format == "csv" and not to_stdout)
    target: str | IO[Any] = sys.stdout if to_stdout else args.output
    return open_writer(args.format, target, single=single and args.format == "json", bom=bom)


def _results(
    inputs: Collected, args: argparse.Namespace, writer: MinutesWriter | None = None
) -> Generator[ParseResult, None, None]:
    """The parse of every input; for a writer of JSON, workers hand over the text it writes."""
    return run_tasks(
        inputs.tasks,
        jobs=args.jobs,
        format=args.family,
        encoding=args.encoding,
        json_indent=writer.json_indent if writer is not None else False,
    )


def _no_input(skipped: Sequence[Skipped]) -> int:
    for entry in skipped:
        print(f"gijiroku: {entry.path}: {entry.reason}", file=sys.stderr)
    print("gijiroku: no input files: nothing to do", file=sys.stderr)
    return 1


def _listed(entries: list[tuple[str, str]]) -> str:
    listed = ", ".join(f"{path} ({kind})" for path, kind in entries[:SUMMARY_FAILURES])
    more = len(entries) - SUMMARY_FAILURES
    return listed + (f" and {more} more" if more > 0 else "")


def _parse_command(args: argparse.Namespace) -> int:
    inputs = _collect(args)
    _refuse_output_among_inputs(args.output, inputs.tasks)
    if not inputs.tasks:
        return _no_input(inputs.skipped)  # and no output file
    writer = _open_output(args, inputs.single)
    reporter = _Reporter(len(inputs.tasks), show_progress=_show_progress(args), unit="file")
    _report_skipped(reporter, inputs.skipped)
    failures: list[tuple[str, str]] = []  # (source, error type): kept small for big runs
    codes: Counter[str] = Counter()
    parsed = turns = 0
    try:
        with contextlib.closing(_results(inputs, args, writer)) as results:
            for result in results:
                reporter.advance()
                if not result.ok:
                    failures.append((result.source, result.error_type or "Error"))
                    _report_failure(reporter, result)
                    continue
                digest = result.summary()
                try:
                    if result.json is not None:  # a worker's ready output
                        writer.write_json(result.json, digest.turns)
                    else:
                        writer.write(result.unwrap())
                except OutputError as exc:  # e.g. a number too large for a Parquet column
                    failures.append((result.source, "OutputError"))
                    text = str(exc) if exc.source == result.source else f"{result.source}: {exc}"
                    reporter.message(f"gijiroku: {text}")
                    continue
                parsed += 1
                turns += digest.turns
                codes.update(digest.codes)
        writer.close()
    except BaseException:
        writer.abort()  # no partial file under the output name
        raise
    finally:
        reporter.close()
    if not args.quiet:
        files = len(inputs.tasks)
        elapsed = reporter.elapsed()
        rate = f", {files / elapsed:.1f} files/s" if files and elapsed > 0 else ""
        skipped = f", {len(inputs.skipped)} skipped" if inputs.skipped else ""
        print(
            f"gijiroku: {_plural(files, 'file')}: {parsed} parsed, {len(failures)} failed"
            f"{skipped}; {_plural(turns, 'turn')}; {elapsed:.2f} s{rate}",
            file=sys.stderr,
        )
        print(f"gijiroku: diagnostics: {_counted(codes)}", file=sys.stderr)
        if failures:
            print(f"gijiroku: failed: {_listed(failures)}", file=sys.stderr)
        if inputs.skipped:
            entries = [(s.path, s.code) for s in inputs.skipped]
            print(f"gijiroku: skipped: {_listed(entries)}", file=sys.stderr)
    return 1 if failures or inputs.skipped else 0


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
    inputs = _collect(args)
    for entry in inputs.skipped:
        print(f"{entry.path}: error {entry.code} {entry.reason}", file=out)
    if not inputs.tasks:
        out.flush()
        print("gijiroku: no input files: nothing to do", file=sys.stderr)
        return 1
    threshold = SEVERITIES.index(args.min_severity)
    severities: Counter[str] = Counter()
    failed = flagged = 0
    with contextlib.closing(_results(inputs, args)) as results:
        for result in results:
            if result.minutes is None:
                failed += 1
                kind = result.error_type or "Error"
                code = "internal-error" if result.internal else _kebab(kind)
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
        skipped = f", {len(inputs.skipped)} skipped" if inputs.skipped else ""
        print(
            f"gijiroku: {_plural(len(inputs.tasks), 'file')} checked: {failed} failed{skipped}, "
            f"{flagged} with warnings or errors; diagnostics: {counted or 'none'}",
            file=sys.stderr,
        )
    return 1 if failed or flagged or inputs.skipped else 0


def _silence_stdout() -> None:
    """Point standard output at the null device, so that Python's final flush of what is
    still buffered cannot fail again (a closed pipe, a full disk) with a traceback."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _write_out(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()  # a full disk or a closed pipe shows here, where it is handled


def _run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    if args.command == "parse":
        return _parse_command(args)
    if args.command == "check":
        return _check_command(args, sys.stdout)
    if args.command == "schema":
        _write_out(json.dumps(json_schema(), ensure_ascii=False, indent=1) + "\n")
        return 0
    if args.command == "kokkai":
        return run_kokkai_command(args)
    if args.command == "formats":
        _write_out("".join(f"{fmt.name}\t{fmt.description}\n" for fmt in FORMATS.values()))
        return 0
    parser.print_usage(sys.stderr)
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit status."""
    parser = _build_parser()
    args = parser.parse_args(argv)
    try:
        with _stopped_by_signals():
            return _run(parser, args)
    except _Signalled as stop:
        name = "interrupted" if stop.signum == signal.SIGINT else "terminated"
        print(f"gijiroku: {name}; no output written", file=sys.stderr)
        return stop.status
    except KeyboardInterrupt:
        print("gijiroku: interrupted; no output written", file=sys.stderr)
        return 130
    except UsageError as exc:
        print(f"gijiroku: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `gijiroku parse dir | head`: the reader is gone, stop quietly
        _silence_stdout()
        return CLOSED_PIPE
    except BrokenProcessPool as exc:
        print(f"gijiroku: error: a worker process died (out of memory?): {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # the output could not be written (reading errors are results)
        _silence_stdout()
        where = exc.filename if exc.filename is not None else "standard output"
        print(f"gijiroku: error: cannot write {where}: {exc.strerror or exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
