"""Bridges to other engines; each module needs its optional extra and imports it lazily.

- :mod:`gijiroku.integrations.dask` (``pip install 'gijiroku[dask]'``): parse a corpus on
  a dask cluster, or on the local machine's processes, into JSONL or Parquet partitions.

For Spark, see the recipe in README ("Parsing a corpus"): it needs no code of ours beyond
:func:`gijiroku.parse`.
"""

__all__: list[str] = []
