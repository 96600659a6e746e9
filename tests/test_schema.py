"""The JSON Schema of the output: its identity, the version it is for, a description on every
property, and the optional NDL record."""

from __future__ import annotations

from typing import Any

import gijiroku
from gijiroku.models import SCHEMA_ID, SCHEMA_VERSION
from tests.conftest import SAMPLES


def _properties(schema: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """Every property of every object in the schema: (object, property, its schema)."""
    found = []
    for name, definition in [("Minutes", schema), *schema.get("$defs", {}).items()]:
        for prop, value in definition.get("properties", {}).items():
            found.append((name, prop, value))
    return found


def test_identity_and_version() -> None:
    schema = gijiroku.json_schema()
    assert schema["$id"] == SCHEMA_ID == f"urn:gijiroku:schema:minutes:{SCHEMA_VERSION}"
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["required"][0] == "schema_version"
    assert {"source", "meeting"} <= set(schema["required"])
    assert schema["properties"]["schema_version"]["const"] == SCHEMA_VERSION
    # the class's own schema says the same
    assert gijiroku.Minutes.model_json_schema()["$id"] == SCHEMA_ID


def test_every_property_has_a_description() -> None:
    properties = _properties(gijiroku.json_schema())
    assert len(properties) >= 140
    missing = [
        f"{owner}.{name}" for owner, name, value in properties if not value.get("description")
    ]
    assert missing == []


def test_the_kokkai_record_is_optional_and_described() -> None:
    schema = gijiroku.json_schema()
    source = schema["$defs"]["Source"]
    assert "kokkai" in source["properties"]
    assert "kokkai" not in source.get("required", [])
    record = schema["$defs"]["KokkaiRecord"]["properties"]
    assert {"issue_id", "meeting_url", "pdf_url", "speeches"} <= set(record)
    speech = schema["$defs"]["KokkaiSpeechSource"]["properties"]
    assert {"speech_id", "start_page", "create_time", "update_time", "speech_url"} <= set(speech)
    # present in the JSON of API minutes, absent from that of a text parse
    api = gijiroku.from_kokkai((SAMPLES / "kokkai-api/121205124X00120231101.xml").read_bytes())
    assert api.model_dump(mode="json")["source"]["kokkai"]["issue_id"] == "121205124X00120231101"
    text = gijiroku.parse("座長 はい。").model_dump(mode="json")
    assert "kokkai" not in text["source"]
