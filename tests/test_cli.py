"""The ``gijiroku`` command, end to end in a temporary directory."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from gijiroku.cli import main
from tests.conftest import SAMPLES

SENDAI = SAMPLES / "council" / "sendai-ict-2016-02-08.txt"


def test_parse_one_file_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SENDAI)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["meeting"]["body"] == "仙台市情報化推進会議"


def test_parse_jsonl_to_a_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"%PDF-1.4 binary")
    target = tmp_path / "out.jsonl"
    status = main(["parse", str(SENDAI), str(bad), str(SENDAI), "-f", "jsonl", "-o", str(target)])
    assert status == 1
    lines = target.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    assert all(json.loads(line)["source"]["format"] == "committee" for line in lines)


def test_stdin_and_schema() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "gijiroku", "parse", "-"],
        input="座長 はじめます。\n".encode(),
        capture_output=True,
        check=True,
    )
    assert json.loads(run.stdout)["utterances"][0]["speaker"]["role"] == "座長"
    schema = subprocess.run(
        [sys.executable, "-m", "gijiroku", "schema"], capture_output=True, check=True
    )
    assert json.loads(schema.stdout)["title"] == "gijiroku Minutes"


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    with pytest.raises(SystemExit) as caught:
        main(["parse"])
    assert caught.value.code == 2
