"""The ``gijiroku`` command as a real process: outputs that are inputs, partial files,
signals, FIFOs, unreadable folders, links, suffixes, closed pipes, odd encodings, full
disks. Every case runs ``python -m gijiroku`` in a subprocess."""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import SAMPLES

SENDAI = SAMPLES / "council" / "sendai-ict-2016-02-08.txt"
MONKA = SAMPLES / "diet" / "shugiin-monka-2023-11-01.txt"
NOTES = SAMPLES / "notes" / "pyconjp-board-77-2025-12-08.md"
TIMEOUT = 120  # generous: the machine may be busy; every case normally takes a second or two
TRACEBACK = ("Traceback", "Exception ignored")


def gijiroku(
    *args: str | Path, prefix: tuple[str, ...] = (), **kwargs: object
) -> subprocess.CompletedProcess[str]:
    """Run the command; text output, no check, a timeout so that a hang fails the test."""
    command = [*prefix, sys.executable, "-m", "gijiroku", *map(str, args)]
    options: dict[str, object] = {"capture_output": True, "text": True, "timeout": TIMEOUT}
    options.update(kwargs)
    return subprocess.run(command, check=False, **options)  # type: ignore[call-overload,no-any-return]


def no_traceback(run: subprocess.CompletedProcess[str]) -> None:
    assert not any(word in run.stderr for word in TRACEBACK), run.stderr


# --- an output that is one of the inputs ---------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_the_output_cannot_be_an_input(tmp_path: Path, fmt: str) -> None:
    minutes = tmp_path / "a.txt"
    minutes.write_bytes(SENDAI.read_bytes())
    run = gijiroku("parse", minutes, "-f", fmt, "-o", minutes)
    assert run.returncode == 2
    assert "is one of the inputs" in run.stderr
    assert minutes.read_bytes() == SENDAI.read_bytes()
    no_traceback(run)


def test_the_output_cannot_be_an_input_through_a_link(tmp_path: Path) -> None:
    minutes = tmp_path / "a.txt"
    minutes.write_bytes(SENDAI.read_bytes())
    (tmp_path / "link.json").symlink_to(minutes)
    os.link(minutes, tmp_path / "hard.json")
    for output in ("link.json", "hard.json"):
        run = gijiroku("parse", minutes, "-o", tmp_path / output)
        assert run.returncode == 2, output
        assert "is one of the inputs" in run.stderr
    assert minutes.read_bytes() == SENDAI.read_bytes()


def test_a_folder_run_cannot_write_over_a_later_input(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("a.txt", "b.txt", "z.txt"):
        (corpus / name).write_bytes(SENDAI.read_bytes())
    run = gijiroku("parse", corpus, "-f", "jsonl", "-o", corpus / "z.txt")
    assert run.returncode == 2
    assert (corpus / "z.txt").read_bytes() == SENDAI.read_bytes()
    # a new file in the folder being read is fine: it is not read (it is no input yet)
    run = gijiroku("parse", corpus, "-f", "jsonl", "-o", corpus / "out.txt", "-q")
    assert run.returncode == 0, run.stderr
    assert len((corpus / "out.txt").read_text(encoding="utf-8").splitlines()) == 3


# --- the output file: written under a temporary name, renamed at the end -----------------


def test_an_existing_output_is_replaced_whole_and_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    run = gijiroku("parse", SENDAI, "-o", target, "-q")
    assert run.returncode == 0
    assert (
        json.loads(target.read_text(encoding="utf-8"))["meeting"]["body"] == "仙台市情報化推進会議"
    )
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]  # no temporary left


def test_an_output_link_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "data" / "out.json"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "out.json"
    link.symlink_to(real)
    assert gijiroku("parse", SENDAI, "-o", link, "-q").returncode == 0
    assert link.is_symlink()
    assert json.loads(real.read_text(encoding="utf-8"))["source"]["name"] == str(SENDAI)


def test_a_device_output_is_written_directly() -> None:
    run = gijiroku("parse", SENDAI, "-o", os.devnull, "-q")
    assert run.returncode == 0
    assert os.path.exists(os.devnull)
    assert not os.path.isfile(os.devnull)


# --- signals -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def big_corpus() -> Iterator[Path]:
    """1,500 copies of a Diet sample: several seconds of work for two workers."""
    root = Path(tempfile.mkdtemp(prefix="gijiroku-signals-"))
    corpus = root / "corpus"
    corpus.mkdir()
    data = MONKA.read_bytes()
    for i in range(1500):
        (corpus / f"m{i:03}.txt").write_bytes(data)
    yield root
    shutil.rmtree(root)


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        children = (task / "children").read_text().split()
        found.update(int(child) for child in children)
    return found


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "State:\tZ" not in status


def _started_with_sigint(disposition: signal.Handlers) -> Callable[[], None]:
    """A ``preexec_fn`` that starts the command with SIGINT's disposition set, whatever the
    test run's own (a test suite started in the background by a shell without job control,
    ``cmd &``, has SIGINT ignored, and the command would keep ignoring it, as it should)."""

    def preexec() -> None:
        signal.signal(signal.SIGINT, disposition)

    return preexec


def _signalled_run(
    big_corpus: Path, signals: list[int], group: bool, sigint: signal.Handlers
) -> tuple[int, str, set[int]]:
    """Start a two-worker run over the big corpus with SIGINT's disposition ``sigint``; once
    it has written some output, send it ``signals`` one after the other (to its process group
    with ``group``); its status, its standard error and its workers' process ids."""
    command = [sys.executable, "-m", "gijiroku", "parse", str(big_corpus / "corpus"), "-j", "2",
               "-o", str(big_corpus / "out.json")]  # fmt: skip
    with subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        preexec_fn=_started_with_sigint(sigint),
    ) as process:
        try:
            deadline = time.monotonic() + TIMEOUT
            while not list(big_corpus.glob(".out.json.*.part")):  # the run has written some
                assert process.poll() is None, process.communicate()
                assert time.monotonic() < deadline, "the run never started writing"
                time.sleep(0.02)
            workers = _children(process.pid)
            assert len(workers) == 2
            for k, signum in enumerate(signals):
                if k:
                    time.sleep(0.3)  # (time for a signal that would stop it to do so)
                if group:
                    os.killpg(process.pid, signum)
                else:
                    process.send_signal(signum)
            _, err = process.communicate(timeout=TIMEOUT)
        finally:
            if process.poll() is None:
                process.kill()
    return process.returncode, err, workers


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize(
    ("signum", "status", "group"),
    [(signal.SIGTERM, 143, False), (signal.SIGINT, 130, False), (signal.SIGTERM, 143, True)],
    ids=["sigterm", "sigint", "sigterm-to-the-group"],
)
def test_a_signal_stops_the_workers_and_leaves_no_partial_file(
    big_corpus: Path, signum: int, status: int, group: bool
) -> None:
    out = big_corpus / "out.json"
    out.write_text("old", encoding="utf-8")  # an earlier run's output stays as it was
    returncode, err, workers = _signalled_run(big_corpus, [signum], group, signal.SIG_DFL)
    assert returncode == status, err
    assert "no output written" in err
    assert not any(word in err for word in TRACEBACK), err
    assert out.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in big_corpus.iterdir()) == ["corpus", "out.json"]
    deadline = time.monotonic() + 10  # (a busy machine may take a moment to reap them)
    while [pid for pid in workers if _alive(pid)] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in workers if _alive(pid)], "workers left behind"


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_a_run_started_with_sigint_ignored_keeps_ignoring_it(big_corpus: Path) -> None:
    """``nohup``, ``cmd &`` in a script: SIGINT stays ignored (a SIGTERM still stops the run,
    with its own status, not SIGINT's 130)."""
    out = big_corpus / "out.json"
    out.write_text("old", encoding="utf-8")
    returncode, err, _ = _signalled_run(
        big_corpus, [signal.SIGINT, signal.SIGTERM], False, signal.SIG_IGN
    )
    assert returncode == 143, err
    assert "terminated; no output written" in err
    assert out.read_text(encoding="utf-8") == "old"


# --- what a folder run reads ---------------------------------------------------------------


def _corpus(root: Path) -> Path:
    """a.txt, B.TXT, notes.md, notes.rst, table.csv (not minutes), sub/c.txt."""
    root.mkdir(parents=True)
    (root / "sub").mkdir()
    (root / "a.txt").write_bytes(SENDAI.read_bytes())
    (root / "B.TXT").write_bytes(SENDAI.read_bytes())
    (root / "notes.md").write_bytes(NOTES.read_bytes())
    (root / "notes.rst").write_text("第3回 勉強会\n============\n\n* 次回は5月。\n", "utf-8")
    (root / "table.csv").write_text("a,b\n1,2\n", "utf-8")
    (root / "sub" / "c.txt").write_bytes(SENDAI.read_bytes())
    return root


def _names(jsonl: str) -> list[str]:
    return [json.loads(line)["source"]["name"] for line in jsonl.splitlines()]


def test_default_suffixes_are_every_familys(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    run = gijiroku("parse", corpus, "-f", "jsonl")
    assert run.returncode == 0, run.stderr
    assert _names(run.stdout) == [str(corpus / n) for n in
                                  ("B.TXT", "a.txt", "notes.md", "notes.rst", "sub/c.txt")]  # fmt: skip
    formats = [json.loads(line)["source"]["format"] for line in run.stdout.splitlines()]
    assert formats[2:4] == ["summary", "summary"]


def test_glob_can_be_repeated(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    run = gijiroku("parse", corpus, "-f", "jsonl", "--glob", "*.md", "--glob", "*.csv")
    assert run.returncode == 0, run.stderr
    assert _names(run.stdout) == [str(corpus / "notes.md"), str(corpus / "table.csv")]


@pytest.mark.parametrize("fmt", ["json", "parquet"])
def test_no_matching_file_is_an_error_and_writes_nothing(tmp_path: Path, fmt: str) -> None:
    corpus = _corpus(tmp_path / "corpus")
    target = tmp_path / f"out.{fmt}"
    run = gijiroku("parse", corpus, "--glob", "*.pdf", "-f", fmt, "-o", target)
    assert run.returncode == 1
    assert f"{corpus}: no files matching *.pdf" in run.stderr
    assert "no input files" in run.stderr
    assert not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifos_are_skipped_never_waited_for(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    os.mkfifo(corpus / "pipe.txt")
    os.mkfifo(tmp_path / "named.txt")
    run = gijiroku("parse", corpus, tmp_path / "named.txt", "-f", "jsonl")
    assert run.returncode == 1
    assert len(run.stdout.splitlines()) == 5  # everything else was read
    assert f"{corpus / 'pipe.txt'}: a FIFO, not a regular file: not read" in run.stderr
    assert f"{tmp_path / 'named.txt'}: a FIFO, not a regular file: not read" in run.stderr
    assert "2 skipped" in run.stderr
    check = gijiroku("check", tmp_path / "named.txt")
    assert check.returncode == 1
    assert check.stdout.startswith(f"{tmp_path / 'named.txt'}: error not-a-regular-file ")


def test_links_that_leave_the_folder_are_not_followed(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    secret = tmp_path / "elsewhere" / "secret.txt"
    secret.parent.mkdir()
    secret.write_bytes(SENDAI.read_bytes())
    (corpus / "leak.txt").symlink_to(secret)
    (corpus / "away").symlink_to(secret.parent)
    (corpus / "inside.txt").symlink_to(corpus / "a.txt")
    (corpus / "broken.txt").symlink_to(tmp_path / "gone.txt")
    run = gijiroku("parse", corpus, "-f", "jsonl")
    assert run.returncode == 1
    names = _names(run.stdout)
    assert str(corpus / "inside.txt") in names  # a link inside the folder is read
    assert not any("leak" in n or "secret" in n for n in names)
    assert f"{corpus / 'leak.txt'}: a link to a file outside {corpus}" in run.stderr
    assert f"{corpus / 'away'}: a link to a folder outside {corpus}" in run.stderr
    assert f"{corpus / 'broken.txt'}: a broken link" in run.stderr
    # named on the command line, a link is read wherever it points
    direct = gijiroku("parse", corpus / "leak.txt", "-q")
    assert direct.returncode == 0
    assert json.loads(direct.stdout)["meeting"]["body"] == "仙台市情報化推進会議"


def _without_root_powers(folders: list[Path]) -> tuple[str, ...]:
    """A command prefix under which ``folders`` (mode 000) cannot be read. Root reads every
    folder, so as root the folders are given to another user and the command runs in a user
    namespace where that user is unknown (``unshare -r``): root there has no power over them.
    """
    if os.geteuid() != 0:
        return ()
    unshare = shutil.which("unshare")
    probe = subprocess.run([unshare or "unshare", "-r", "true"], capture_output=True, check=False)
    if unshare is None or probe.returncode != 0:
        pytest.skip("running as root without user namespaces: every folder is readable")
    for folder in folders:
        os.chown(folder, 65534, 65534)
    return (unshare, "-r")


def test_unreadable_folders_are_reported(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    sub = corpus / "sub"
    sub.chmod(0o000)
    try:
        prefix = _without_root_powers([sub])
        run = gijiroku("parse", corpus, "-f", "jsonl", prefix=prefix)
        assert run.returncode == 1
        assert len(run.stdout.splitlines()) == 4  # all but sub/c.txt
        assert f"{sub}: cannot read folder: Permission denied" in run.stderr
        no_traceback(run)
        corpus.chmod(0o000)
        prefix = _without_root_powers([corpus])
        run = gijiroku("parse", corpus, "-f", "jsonl", prefix=prefix)
        assert run.returncode == 1
        assert run.stdout == ""
        assert f"{corpus}: cannot read folder: Permission denied" in run.stderr
        assert "no input files" in run.stderr
        no_traceback(run)
    finally:
        corpus.chmod(0o755)
        sub.chmod(0o755)


# --- standard output, encodings, odd values -----------------------------------------------


def test_a_closed_pipe_ends_quietly(big_corpus: Path) -> None:
    command = [sys.executable, "-m", "gijiroku", "parse", str(big_corpus / "corpus"), "-f",
               "jsonl", "-j", "2"]  # fmt: skip
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        assert process.stdout.read(100).startswith(b'{"schema_version"')
        process.stdout.close()  # as `| head` does
        err = process.stderr.read().decode()
        process.wait(timeout=TIMEOUT)
    assert process.returncode == 141
    assert err == ""


def test_a_full_disk_is_a_clean_error() -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("needs /dev/full")
    for command in (("schema",), ("formats",), ("parse", str(SENDAI)), ("check", str(MONKA))):
        with open("/dev/full", "w") as full:
            run = gijiroku(*command, stdout=full, stderr=subprocess.PIPE, capture_output=False)
        assert run.returncode == 2
        assert (
            run.stderr == "gijiroku: error: cannot write standard output: No space left on device\n"
        )


@pytest.mark.parametrize("codec", ["bogus", "base64", "rot13"])
def test_an_encoding_that_is_no_text_codec_is_a_usage_error(codec: str) -> None:
    run = gijiroku("parse", SENDAI, "--encoding", codec)
    assert run.returncode == 2
    assert "not a text encoding" in run.stderr
    no_traceback(run)


def test_unicode_escape_on_odd_input(tmp_path: Path) -> None:
    surrogate = tmp_path / "surrogate.txt"
    surrogate.write_bytes(b"\\u5ea7\\u9577 \\u306f\\ud800\\u3044\\u3002\n")
    run = gijiroku("parse", surrogate, "--encoding", "unicode_escape", "-q")
    assert run.returncode == 0, run.stderr
    document = json.loads(run.stdout)
    assert document["utterances"][0]["text"] == "は\ufffdい。"
    codes = [d["code"] for d in document["diagnostics"]]
    assert [code for code in codes if code not in {"format-uncertain", "no-date"}] == [
        "lone-surrogate"
    ]
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\\x")
    run = gijiroku("parse", broken, "--encoding", "unicode_escape")
    assert run.returncode == 1
    assert "DecodeError" in run.stderr
    no_traceback(run)


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_a_meeting_number_no_column_can_hold(tmp_path: Path, fmt: str) -> None:
    """第99999999999999999999回 is not read as a number (above dates.MAX_NUMBER): the title keeps
    it as printed, the number is null, and every output holds the document."""
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_bytes(SENDAI.read_bytes())
    (corpus / "b.txt").write_text(
        "第99999999999999999999回 仙台市議会会議録\n座長 はい。\n", "utf-8"
    )
    (corpus / "c.txt").write_bytes(SENDAI.read_bytes())
    target = tmp_path / f"out.{fmt}"
    run = gijiroku("parse", corpus, "-f", fmt, "-o", target)
    no_traceback(run)
    assert run.returncode == 0, run.stderr
    if fmt == "jsonl":
        docs = [json.loads(line) for line in target.read_text("utf-8").splitlines()]
        (huge,) = [doc for doc in docs if doc["source"]["name"].endswith("b.txt")]
        assert huge["meeting"]["number"] is None
        assert huge["meeting"]["title"].startswith("第99999999999999999999回")
    if fmt == "parquet":
        import pyarrow.parquet as pq

        table = pq.read_table(target)
        assert table.num_rows == 85  # a.txt and c.txt, 42 turns each, and b.txt's one
        rows = [r for r in table.to_pylist() if r["source"] == str(corpus / "b.txt")]
        assert [r["meeting_number"] for r in rows] == [None]


# --- parse_many as the README prints it ----------------------------------------------------


def _readme_example() -> str:
    """The parse_many example of README.md, exactly as printed there."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    blocks = readme.split("```python\n")[1:]
    (example,) = [b.split("```")[0] for b in blocks if "parse_many(paths, jobs=None)" in b]
    return example


README_EXAMPLE = _readme_example()


@pytest.fixture
def minutes_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "minutes"
    folder.mkdir()
    for i in range(4):
        (folder / f"s{i}.txt").write_bytes(SENDAI.read_bytes())
    (folder / "bad.txt").write_bytes(b"%PDF-1.7")
    return tmp_path


EXPECTED = [f"minutes/s{i}.txt 42" for i in range(4)]


def _python(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-W", "error", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def _check(run: subprocess.CompletedProcess[str]) -> None:
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    lines = run.stdout.splitlines()
    assert lines[0].startswith("minutes/bad.txt BrokenPdfError truncated PDF file")
    assert lines[1:] == EXPECTED


def test_parse_many_in_a_plain_script_after_pandas_and_pyarrow(minutes_folder: Path) -> None:
    pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    script = minutes_folder / "script.py"  # no __main__ guard, as in the README
    script.write_text("import pandas, pyarrow  # they start threads\n" + README_EXAMPLE, "utf-8")
    _check(_python(str(script), cwd=minutes_folder))


def test_parse_many_under_python_m(minutes_folder: Path) -> None:
    (minutes_folder / "corpus_job.py").write_text(README_EXAMPLE, "utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(minutes_folder), *sys.path])}
    _check(_python("-m", "corpus_job", cwd=minutes_folder, env=env))


def test_parse_many_with_threads_running_as_in_a_notebook(minutes_folder: Path) -> None:
    # a Jupyter kernel runs threads (heartbeat, IOPub) and has no __main__ file
    code = (
        "import threading, time\n"
        "for _ in range(3):\n"
        "    threading.Thread(target=time.sleep, args=(30,), daemon=True).start()\n"
        + README_EXAMPLE
    )
    _check(_python("-c", code, cwd=minutes_folder))
