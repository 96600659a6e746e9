"""The examples in the library's docstrings run and print what they show."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import gijiroku

MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(gijiroku.__path__, prefix="gijiroku.")
    if not info.name.endswith(".__main__")  # (importing it runs the command line)
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    try:
        module = importlib.import_module(name)
    except ImportError as error:  # an optional extra that is not installed
        pytest.skip(f"{name}: {error}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS, verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"


def test_modules_are_found() -> None:
    assert {"gijiroku.normalize", "gijiroku.formats", "gijiroku.models"} <= set(MODULES)
