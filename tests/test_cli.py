"""The ``gijiroku`` command, end to end in a temporary directory."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import gijiroku
from gijiroku.cli import main
from gijiroku.tables import COLUMNS
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


# --- a corpus in a temporary directory -----------------------------------------------------

ODD = "第1回 会議録\n日時：令和6年5月17日\n何の構造もない文章です。\n座長 はい。\n"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """corpus/: two copies of the sendai sample, an odd file, a PDF, a hidden file, a .md."""
    root = tmp_path / "corpus"
    (root / "b" / "deeper").mkdir(parents=True)
    (root / ".cache").mkdir()
    (root / "a.txt").write_bytes(SENDAI.read_bytes())
    (root / "b" / "deeper" / "c.txt").write_bytes(SENDAI.read_bytes())
    (root / "b" / "odd.txt").write_text(ODD, encoding="utf-8")
    (root / "b" / "bad.txt").write_bytes(b"%PDF-1.4 binary")
    (root / ".cache" / "skipped.txt").write_bytes(SENDAI.read_bytes())
    (root / "notes.md").write_text("座長 はい。\n", encoding="utf-8")
    return root


def _summary(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("gijiroku: ")]


def test_parse_a_directory_to_jsonl(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = corpus.parent / "out.jsonl"
    status = main(["parse", str(corpus), "-f", "jsonl", "-o", str(target), "--jobs", "2"])
    assert status == 1  # bad.txt failed
    docs = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    names = [doc["source"]["name"] for doc in docs]
    assert names == [str(corpus / "a.txt"), str(corpus / "b" / "deeper" / "c.txt"),
                     str(corpus / "b" / "odd.txt"), str(corpus / "notes.md")]  # fmt: skip
    assert [len(doc["utterances"]) for doc in docs] == [42, 42, 1, 1]
    captured = capsys.readouterr()
    assert captured.out == ""
    summary = _summary(captured.err)
    assert f"gijiroku: {corpus / 'b' / 'bad.txt'}: truncated PDF file" in captured.err
    assert any("5 files: 4 parsed, 1 failed; 86 turns" in line for line in summary)
    assert (
        "gijiroku: diagnostics: format-uncertain 1, no-date 1, unmatched-header-line 1" in summary
    )
    assert any(line.startswith("gijiroku: failed: ") and "(BrokenPdfError)" in line
               for line in summary)  # fmt: skip


def test_parse_a_directory_to_json_is_an_array(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["parse", str(corpus), "--glob", "*.md", "-q"]) == 0
    captured = capsys.readouterr()
    docs = json.loads(captured.out)
    assert isinstance(docs, list)
    assert [doc["source"]["name"] for doc in docs] == [str(corpus / "notes.md")]
    assert captured.err == ""  # -q: no summary


def test_parse_to_csv(corpus: Path) -> None:
    target = corpus.parent / "out.csv"
    assert main(["parse", str(corpus / "a.txt"), str(corpus / "b" / "odd.txt"), "-f", "csv",
                 "-o", str(target), "-q"]) == 0  # fmt: skip
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM, for Excel
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 43
    assert tuple(rows[0]) == COLUMNS
    assert rows[0]["meeting_date"] == "2016-02-08"
    assert (rows[0]["speaker_name"], rows[0]["speaker_role"]) == ("曽根", "座長")
    assert rows[-1]["source"] == str(corpus / "b" / "odd.txt")
    assert rows[-1]["meeting_date"] == "2024-05-17"


def test_csv_on_stdout_has_no_bom(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SENDAI), "-f", "csv", "-q"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("source,meeting_title,")
    assert len(list(csv.reader(io.StringIO(out)))) == 43


def test_parse_to_parquet(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    target = corpus.parent / "out.parquet"
    assert main(["parse", str(corpus), "-f", "parquet", "-o", str(target)]) == 1
    table = pq.read_table(target)
    assert table.num_rows == 86
    assert table.column_names == list(COLUMNS)
    assert main(["parse", str(corpus), "-f", "parquet"]) == 2  # needs --output
    assert "needs a file" in capsys.readouterr().err


def test_parquet_without_pyarrow_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "pyarrow" else real(name)
    )
    assert main(["parse", str(SENDAI), "-f", "parquet", "-o", str(tmp_path / "x.parquet")]) == 2
    assert "gijiroku[pandas]" in capsys.readouterr().err
    assert not (tmp_path / "x.parquet").exists()


def test_a_single_failed_file_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"PK\x03\x04zip")
    target = tmp_path / "out.json"
    assert main(["parse", str(bad), "-o", str(target)]) == 1
    assert not target.exists()


def test_output_in_a_missing_directory_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["parse", str(SENDAI), "-o", str(tmp_path / "no" / "out.json")]) == 2


def test_the_cli_end_to_end_in_a_subprocess(corpus: Path) -> None:
    target = corpus.parent / "out.jsonl"
    command = [sys.executable, "-m", "gijiroku", "parse", str(corpus), "-f", "jsonl",
               "-o", str(target), "-j", "2"]  # fmt: skip
    run = subprocess.run(command, capture_output=True, text=True, check=False)
    assert run.returncode == 1
    assert run.stdout == ""
    assert "5 files: 4 parsed, 1 failed" in run.stderr
    assert "\r" not in run.stderr  # stderr is no terminal: no progress bar
    assert len(target.read_text(encoding="utf-8").splitlines()) == 4
    version = subprocess.run(
        [sys.executable, "-m", "gijiroku", "--version"], capture_output=True, text=True, check=True
    )
    assert version.stdout.strip() == f"gijiroku {gijiroku.__version__}"


def test_the_progress_bar_can_be_forced(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SENDAI), str(SENDAI), "-f", "jsonl", "--progress"]) == 0
    err = capsys.readouterr().err
    assert "2/2" in err
    assert "100%" in err


def test_check_prints_diagnostics_like_a_linter(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(corpus)]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        f"{corpus / 'b' / 'bad.txt'}: error broken-pdf-error truncated PDF file: "
        "it does not end with %%EOF (an interrupted download or copy?)",
        f"{corpus / 'b' / 'odd.txt'}:3: warning unmatched-header-line "
        "header line not understood: '何の構造もない文章です。'",
        f"{corpus / 'notes.md'}:1: warning format-uncertain the minutes family is uncertain: "
        "no family fits well (the best, committee, scores 0.40): read by the generic profile",
        f"{corpus / 'notes.md'}:1: warning no-date no meeting date in the text",
    ]
    assert "5 files checked: 1 failed, 2 with warnings or errors; diagnostics: 3 warnings" in (
        captured.err
    )
    assert main(["check", str(corpus / "a.txt"), "-q"]) == 0
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", "")
    assert main(["check", str(corpus / "b" / "odd.txt"), "--min-severity", "error", "-q"]) == 1
    assert capsys.readouterr().out == ""


def test_check_reads_stdin() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "gijiroku", "check", "-"],
        input=ODD.encode(),
        capture_output=True,
        check=False,
    )
    assert run.returncode == 1
    assert run.stdout.decode().startswith("<stdin>:3: warning unmatched-header-line ")


def test_more_usage_errors(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["parse", str(SENDAI), "--jobs", "0"])
    assert caught.value.code == 2
    with pytest.raises(SystemExit) as caught:
        main(["parse", str(SENDAI), "-f", "xml"])
    assert caught.value.code == 2
    assert main(["parse", "-", "-"]) == 2
    assert "can be given only once" in capsys.readouterr().err
    empty = corpus / "empty"
    empty.mkdir()
    assert main(["parse", str(empty), "-f", "jsonl"]) == 1
    err = capsys.readouterr().err
    assert f"gijiroku: {empty}: no files matching any of .txt, .md, .markdown, .rst, .pdf" in err
    assert "no input files" in err


def test_formats_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["formats"]) == 0
    assert capsys.readouterr().out.startswith("committee\t")


def test_default_suffixes_cover_every_bundled_sample() -> None:
    from gijiroku.inputs import DEFAULT_SUFFIXES
    from tests.conftest import sample_paths

    assert {p.suffix.lower() for p in sample_paths()} <= set(DEFAULT_SUFFIXES)
    assert DEFAULT_SUFFIXES == (".txt", ".md", ".markdown", ".rst", ".pdf")
