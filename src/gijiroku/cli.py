"""The ``gijiroku`` command.

Usage::

    gijiroku parse FILE... [--output FILE] [--format json|jsonl] [--family NAME]
    gijiroku schema
    gijiroku formats
    gijiroku --version

``FILE`` may be ``-`` for standard input. Exit status: 0 success, 1 some files failed,
2 usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from gijiroku import __version__
from gijiroku.api import json_schema, parse
from gijiroku.errors import GijirokuError
from gijiroku.formats import FORMATS
from gijiroku.models import Minutes

__all__ = ["main"]


def _build_parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="gijiroku",
        description="Parse Japanese meeting minutes (議事録) into JSON.",
    )
    top.add_argument("--version", action="version", version=f"gijiroku {__version__}")
    commands = top.add_subparsers(dest="command", metavar="COMMAND")
    parse_cmd = commands.add_parser("parse", help="parse minutes files into JSON")
    parse_cmd.add_argument("files", nargs="+", metavar="FILE", help="a file, or - for stdin")
    parse_cmd.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    parse_cmd.add_argument(
        "-f",
        "--format",
        choices=("json", "jsonl"),
        default="json",
        help="json: one document (an array for several files); jsonl: one line per file",
    )
    parse_cmd.add_argument(
        "--family",
        choices=sorted(FORMATS),
        default=None,
        help="the minutes family; detected from the text when omitted",
    )
    parse_cmd.add_argument("--encoding", default=None, help="decode input with this codec")
    commands.add_parser("schema", help="print the JSON Schema of the output")
    commands.add_parser("formats", help="list the minutes families")
    return top


def _read(path: str, encoding: str | None, family: str | None) -> Minutes:
    if path == "-":
        data = sys.stdin.buffer.read()
        return parse(data, source_name="<stdin>", format=family, encoding=encoding)
    with open(path, "rb") as handle:
        data = handle.read()
    return parse(data, source_name=path, format=family, encoding=encoding)


def _write(results: list[Minutes], fmt: str, out: TextIO) -> None:
    if fmt == "jsonl":
        for minutes in results:
            out.write(minutes.to_json(indent=None) + "\n")
        return
    if len(results) == 1:
        out.write(results[0].to_json(indent=1) + "\n")
        return
    dumped = [m.model_dump(mode="json") for m in results]
    out.write(json.dumps(dumped, ensure_ascii=False, indent=1) + "\n")


def _parse_command(args: argparse.Namespace) -> int:
    results: list[Minutes] = []
    failed = 0
    for path in args.files:
        try:
            results.append(_read(path, args.encoding, args.family))
        except (OSError, GijirokuError) as exc:
            failed += 1
            print(f"gijiroku: {path}: {exc}", file=sys.stderr)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as out:
            _write(results, args.format, out)
    else:
        _write(results, args.format, sys.stdout)
    return 1 if failed else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit status."""
    parser = _build_parser()
    args = parser.parse_args(argv)
    if args.command == "parse":
        return _parse_command(args)
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
