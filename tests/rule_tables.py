"""Test helpers: a family with its rule tables changed rule by rule (the rules "as they
were" before a speed change), and the tokenizer's blocks of every sample compared under
both."""

from __future__ import annotations

from collections.abc import Callable

from gijiroku.blocks import Block
from gijiroku.formats.base import Format, Rule
from gijiroku.normalize import memo_scope
from gijiroku.tokenizer import tokenize_lines

from .conftest import sample_paths


def with_rules(
    fmt: Format, change: Callable[[Rule], Rule], *, plain_survey: bool = False
) -> Format:
    """A family like ``fmt`` whose header and body rules are ``change`` of its own; with
    ``plain_survey``, its survey given as a plain dict (the mapping the code once made)."""
    family = type(fmt)

    class AsItWas(family):  # type: ignore[valid-type,misc]
        name = f"{family.name}-as-it-was"
        header_rules = tuple(change(rule) for rule in family.header_rules)
        body_rules = tuple(change(rule) for rule in family.body_rules)

        if plain_survey:

            def survey(self, text: str) -> dict[str, str]:
                return dict(family.survey(self, text))

    return AsItWas()


def tokenizes_alike(fmt: Format, was: Format, table: str) -> int:
    """Assert that ``fmt`` and ``was`` (the family with its rules as they were) tokenize
    every sample text alike; the number of rules of ``table`` (``"header_rules"`` or
    ``"body_rules"``) in which they differ, for the caller to check that the change is
    really there."""
    for path in sample_paths():
        text = path.read_bytes().decode("utf-8", "replace")
        with memo_scope():
            now = tokenize_lines(text, fmt)
        with memo_scope():
            then = tokenize_lines(text, was)
        assert now == then, (fmt.name, path.name)
    return sum(
        rule != old for rule, old in zip(getattr(fmt, table), getattr(was, table), strict=True)
    )


def sample_lines() -> set[str]:
    """The non-blank lines of every sample, their ends stripped as the tokenizer strips
    them: texts for the rules' pre-tests."""
    return {
        line.strip(" \u3000\t")
        for path in sample_paths()
        for line in path.read_bytes().decode("utf-8", "replace").splitlines()
        if line.strip(" \u3000\t")
    }


def flat_blocks(blocks: list[Block]) -> list[tuple[object, ...]]:
    """Every block of ``blocks`` and of their children, depth first, as the fields a
    tokenizer's two ways must agree on (kind, span, groups, meta, rule)."""
    found: list[tuple[object, ...]] = []
    for block in blocks:
        found.append((block.kind, block.span, dict(block.groups), block.meta, block.rule))
        found.extend(flat_blocks(list(block.children)))
    return found
