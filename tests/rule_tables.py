"""Test helper: a family with its rule tables changed rule by rule (the rules "as they
were" before a speed change), to compare the tokenizer's blocks under both."""

from __future__ import annotations

from collections.abc import Callable

from gijiroku.formats.base import Format, Rule


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
