"""Parse a corpus with dask: a bag of paths in, JSONL or Parquet partitions out.

Needs the optional extra ``gijiroku[dask]`` (dask, pandas, pyarrow). Paths may be local
paths or any URL that fsspec opens (``s3://…``, ``gs://…``, with the matching fsspec
package installed); the output directory too. Every worker reads its own files, so nothing
but paths and small reports travels through the scheduler.

- :func:`parse_bag` maps :func:`gijiroku.parse` over a ``dask.bag.Bag`` of paths and gives a
  bag of :class:`~gijiroku.ParseResult` (a failed file is a result with ``error`` set).
- :func:`write_partitions` writes one file per partition: ``part-00000.jsonl`` (one
  minutes per line, as ``gijiroku parse -f jsonl``) or ``part-00000.parquet`` (one row per
  utterance, as ``gijiroku parse -f parquet``), and gives a :class:`PartitionReport` each.
- :func:`parse_corpus` does both and computes.

Example:
    >>> from gijiroku.integrations.dask import parse_corpus
    >>> reports = parse_corpus(paths, "out/", format="parquet", npartitions=64,
    ...                        scheduler="processes")  # doctest: +SKIP
    >>> sum(r.documents for r in reports), [f for r in reports for f in r.failures]
    ... # doctest: +SKIP

Read the output back with ``pandas.read_parquet("out/")``, ``dask.dataframe.read_parquet``,
or, for JSONL, ``dask.bag.read_text("out/*.jsonl").map(gijiroku.Minutes.model_validate_json)``.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

try:
    import dask.bag
    import fsspec
    from dask.base import compute
    from dask.delayed import Delayed, delayed
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        "gijiroku.integrations.dask needs dask; install it with: pip install 'gijiroku[dask]'"
    ) from exc

from gijiroku.api import OnIssue
from gijiroku.batch import ParseResult, Task, _Options, _parse_task, failure
from gijiroku.writers import open_writer

__all__ = ["Failure", "PartitionFormat", "PartitionReport", "parse_bag", "parse_corpus",
           "write_partitions"]  # fmt: skip

PartitionFormat = Literal["jsonl", "parquet"]
_SUFFIX = {"jsonl": ".jsonl", "parquet": ".parquet"}


@dataclass(frozen=True)
class Failure:
    """A file that did not parse: its path, the exception's class name and message."""

    source: str
    error_type: str
    error: str


@dataclass(frozen=True)
class PartitionReport:
    """What one partition wrote.

    Attributes:
        path: the file written (a local path or a URL).
        documents: minutes written.
        rows: utterances written (lines of JSONL hold whole minutes; rows count turns).
        failures: the partition's files that failed, in order.
    """

    path: str
    documents: int
    rows: int
    failures: tuple[Failure, ...]


def parse_bag(
    paths: dask.bag.Bag,
    *,
    format: str | None = None,
    encoding: str | None = None,
    on_issue: OnIssue = "collect",
) -> dask.bag.Bag:
    """Map the parser over a bag of paths; a bag of :class:`~gijiroku.ParseResult`.

    ``source.name`` of each minutes is its path as given (as in ``gijiroku parse``), and
    ``ParseResult.index`` is the path's position within its partition. Options are those of
    :func:`gijiroku.parse_many`.

    Example:
        >>> import dask.bag
        >>> bag = dask.bag.from_sequence(["a.txt", "b.txt"], npartitions=2)  # doctest: +SKIP
        >>> [r.ok for r in parse_bag(bag).compute()]  # doctest: +SKIP
        [True, True]
    """
    options = _Options(format=format, encoding=encoding, on_issue=on_issue)
    results: dask.bag.Bag = paths.map_partitions(_parse_partition, options)
    return results


def _parse_partition(paths: Iterable[str], options: _Options) -> list[ParseResult]:
    results = []
    for index, path in enumerate(paths):
        source = str(path)
        try:
            with fsspec.open(source, "rb") as handle:
                data = handle.read()
        except Exception as exc:  # OSError, or fsspec's errors for a bad URL
            results.append(failure(index, source, exc))
            continue
        task = Task(index, source, content=data, source_name=source)
        results.append(_parse_task(task, options, catch=True))
    return results


def write_partitions(
    results: dask.bag.Bag,
    directory: str,
    *,
    format: PartitionFormat = "jsonl",
    prefix: str = "part-",
) -> list[Delayed]:
    """One delayed write per partition of ``results`` (a bag of ParseResult).

    Files are named ``{prefix}{n:05d}.jsonl`` or ``.parquet`` in ``directory``, which is
    created if needed. Compute the returned list (``dask.compute(*writes)``) to run it; each
    gives a :class:`PartitionReport`.
    """
    if format not in _SUFFIX:
        raise ValueError(f"format must be jsonl or parquet, not {format!r}")
    filesystem, root = fsspec.core.url_to_fs(directory)
    filesystem.makedirs(root, exist_ok=True)
    base = directory.rstrip("/")
    writes = []
    for number, partition in enumerate(results.to_delayed()):
        target = posixpath.join(base, f"{prefix}{number:05d}{_SUFFIX[format]}")
        writes.append(delayed(_write_partition)(partition, target, format))
    return writes


def _write_partition(
    results: Sequence[ParseResult], target: str, format: PartitionFormat
) -> PartitionReport:
    mode = "wb" if format == "parquet" else "w"
    options: dict[str, Any] = {} if format == "parquet" else {"encoding": "utf-8"}
    failures = []
    with fsspec.open(target, mode, **options) as handle:
        writer = open_writer(format, handle)
        with writer:
            for result in results:
                if result.minutes is not None:
                    writer.write(result.minutes)
                else:
                    failures.append(
                        Failure(result.source, result.error_type or "", result.error or "")
                    )
    return PartitionReport(target, writer.documents, writer.rows, tuple(failures))


def parse_corpus(
    paths: dask.bag.Bag | Sequence[str],
    directory: str,
    *,
    format: PartitionFormat = "jsonl",
    npartitions: int | None = None,
    family: str | None = None,
    encoding: str | None = None,
    on_issue: OnIssue = "collect",
    **compute_options: Any,
) -> list[PartitionReport]:
    """Parse every path into partition files in ``directory`` and return their reports.

    Args:
        paths: a ``dask.bag.Bag`` of paths/URLs, or a sequence (made into a bag of
            ``npartitions`` partitions; default: about 100 paths each).
        directory: where the partition files go (a local path or an fsspec URL).
        format: ``"jsonl"`` (whole minutes) or ``"parquet"`` (one row per utterance).
        npartitions: only for a sequence of paths.
        family: the minutes family of every file; detected per file when None.
        encoding: decode every file with this codec instead of detecting one.
        on_issue: as in :func:`gijiroku.parse`.
        **compute_options: passed to ``dask.compute``, e.g. ``scheduler="processes"`` and
            ``num_workers=4`` for the local machine; nothing with a distributed Client.

    Example:
        >>> reports = parse_corpus(["a.txt", "b.txt"], "out", scheduler="processes")
        ... # doctest: +SKIP
        >>> sum(r.documents for r in reports)  # doctest: +SKIP
        2
    """
    if isinstance(paths, str):
        raise TypeError("paths must be a bag or a sequence of paths, not one str")
    if isinstance(paths, dask.bag.Bag):
        bag = paths
    else:
        items = [str(p) for p in paths]
        if npartitions is None:
            npartitions = -(-len(items) // 100)
        bag = dask.bag.from_sequence(items, npartitions=max(1, min(npartitions, len(items))))
    results = parse_bag(bag, format=family, encoding=encoding, on_issue=on_issue)
    writes = write_partitions(results, directory, format=format)
    reports: tuple[PartitionReport, ...] = compute(*writes, **compute_options)
    return list(reports)
