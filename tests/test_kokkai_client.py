"""The NDL Kokkai API client: paging, retries, the cache, errors, and the command line, against
recorded answers through a fake transport and a local HTTP server (never the network)."""

from __future__ import annotations

import http.server
import json
import threading
import urllib.error
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

import gijiroku
from gijiroku import FetchError
from gijiroku.cli import main
from gijiroku.kokkai import fetch, fetch_meetings, meeting_records
from gijiroku.kokkai_client import Response, urllib_transport
from tests.conftest import SAMPLES

API = "https://kokkai.ndl.go.jp/api/meeting"


def _record(name: str) -> dict[str, object]:
    (record,) = meeting_records((SAMPLES / "kokkai-api" / name).read_bytes())
    return record


MONKA = _record("121205124X00120231101.xml")
HONKAIGI = _record("121215254X00720231129.xml")


def _page(records: list[dict[str, object]], start: int, total: int, following: int | None) -> bytes:
    """An /api/meeting answer as the API packs it in JSON."""
    answer = {
        "numberOfRecords": total,
        "numberOfReturn": len(records),
        "startRecord": start,
        "nextRecordPosition": following,
        "meetingRecord": records,
    }
    return json.dumps(answer, ensure_ascii=False).encode("utf-8")


class FakeTransport:
    """Answers from a script: each call takes the next answer (a Response or an exception)."""

    def __init__(self, *answers: Response | BaseException) -> None:
        self.answers = list(answers)
        self.urls: list[str] = []

    def __call__(self, url: str, timeout: float) -> Response:
        self.urls.append(url)
        answer = self.answers.pop(0)
        if isinstance(answer, BaseException):
            raise answer
        return answer

    def query(self, index: int) -> dict[str, str]:
        return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(self.urls[index]).query))


class Sleeps(list[float]):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def _two_pages() -> FakeTransport:
    return FakeTransport(
        Response(200, _page([MONKA], 1, 2, 2)),
        Response(200, _page([HONKAIGI], 2, 2, None)),
    )


def test_pages_are_followed_one_request_at_a_time() -> None:
    transport = _two_pages()
    sleeps = Sleeps()
    records = list(
        fetch(
            house="衆議院",
            meeting="文部科学委員会",
            from_date="2023-11-01",
            until="2023-11-30",
            transport=transport,
            pause=0.5,
            sleep=sleeps,
        )
    )
    assert [r["issueID"] for r in records] == ["121205124X00120231101", "121215254X00720231129"]
    assert len(transport.urls) == 2
    first, second = transport.query(0), transport.query(1)
    assert first == {
        "nameOfHouse": "衆議院",
        "nameOfMeeting": "文部科学委員会",
        "from": "2023-11-01",
        "until": "2023-11-30",
        "recordPacking": "json",
        "maximumRecords": "10",
        "startRecord": "1",
    }
    assert second["startRecord"] == "2"
    assert transport.urls[0].startswith(API + "?")
    assert len(sleeps) == 1  # a pause before the second request, none before the first
    assert 0 < sleeps[0] <= 0.5
    # what comes back is what from_kokkai reads
    minutes = gijiroku.from_kokkai(records[0])
    assert minutes.meeting.body == "文部科学委員会"


def test_limit_stops_early() -> None:
    transport = _two_pages()
    records = list(fetch(words="文部科学", limit=1, transport=transport, pause=0))
    assert len(records) == 1
    assert len(transport.urls) == 1
    assert list(fetch(words="x", limit=0, transport=FakeTransport(), pause=0)) == []


def test_a_503_is_tried_again() -> None:
    transport = FakeTransport(
        Response(503, b"busy", {"Retry-After": "7"}),
        Response(502, b""),
        Response(200, _page([MONKA], 1, 1, None)),
    )
    sleeps = Sleeps()
    records = list(fetch(issue_id="x", transport=transport, pause=1.0, sleep=sleeps))
    assert len(records) == 1
    assert len(transport.urls) == 3
    assert sleeps[0] == 7.0  # as Retry-After says
    assert 2.0 in sleeps  # then the pause, doubled


def test_timeouts_are_tried_again_then_fail() -> None:
    transport = FakeTransport(
        TimeoutError("timed out"),
        Response(200, _page([MONKA], 1, 1, None)),
    )
    assert len(list(fetch(issue_id="x", transport=transport, pause=0, sleep=Sleeps()))) == 1
    failing = FakeTransport(*(ConnectionResetError("reset") for _ in range(3)))
    with pytest.raises(FetchError, match="no answer from the Kokkai API after 3 tries") as caught:
        list(fetch(issue_id="x", transport=failing, pause=0, retries=2, sleep=Sleeps()))
    assert caught.value.status is None
    assert caught.value.url.startswith(API)
    assert isinstance(caught.value, gijiroku.GijirokuError)
    assert isinstance(caught.value, OSError)


def test_a_5xx_that_stays_fails_with_the_status() -> None:
    transport = FakeTransport(*(Response(500, b"") for _ in range(4)))
    with pytest.raises(FetchError, match="HTTP 500 after 4 tries") as caught:
        list(fetch(issue_id="x", transport=transport, pause=0, sleep=Sleeps()))
    assert caught.value.status == 500
    assert len(transport.urls) == 4


def test_api_errors_are_not_retried() -> None:
    message = {"message": "検索条件の指定に誤りがあります。", "details": ["fromの値が不正です。"]}
    body = json.dumps(message, ensure_ascii=False).encode()
    transport = FakeTransport(Response(400, body))
    with pytest.raises(FetchError, match="HTTP 400: 検索条件の指定に誤りがあります。") as caught:
        list(fetch(issue_id="x", transport=transport, pause=0))
    assert "fromの値が不正です。" in str(caught.value)
    assert caught.value.status == 400
    assert len(transport.urls) == 1
    # the same message with status 200
    with pytest.raises(FetchError, match="answered with an error: 検索条件"):
        list(fetch(issue_id="x", transport=FakeTransport(Response(200, body)), pause=0))


@pytest.mark.parametrize(
    ("body", "match"),
    [
        (b"<html>maintenance</html>", "not JSON"),
        (b"[1, 2]", "no object"),
        (b'{"meetingRecord": "x"}', "not a list"),
        (b'{"meetingRecord": [], "nextRecordPosition": 1}', "does not move past"),
    ],
)
def test_answers_that_are_not_the_apis_json(body: bytes, match: str) -> None:
    with pytest.raises(FetchError, match=match):
        list(fetch(issue_id="x", transport=FakeTransport(Response(200, body)), pause=0))


def test_the_cache_saves_every_request(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = _two_pages()
    records = list(fetch(meeting="委員会", cache=cache, transport=first, pause=0))
    assert len(first.urls) == 2
    assert len(list(cache.glob("*.json"))) == 2
    again = FakeTransport()  # no answers: any request would fail
    sleeps = Sleeps()
    assert list(fetch(meeting="委員会", cache=cache, transport=again, sleep=sleeps)) == records
    assert again.urls == []
    assert sleeps == []  # no request, no pause
    # other conditions are other pages
    with pytest.raises(IndexError):
        list(fetch(meeting="本会議", cache=cache, transport=again, pause=0))
    # a damaged page is asked for again, and stored anew
    for path in cache.glob("*.json"):
        path.write_bytes(b"{broken")
    third = _two_pages()
    assert list(fetch(meeting="委員会", cache=cache, transport=third, pause=0)) == records
    assert len(third.urls) == 2
    # error answers are not cached
    failing = FakeTransport(Response(404, b""))
    with pytest.raises(FetchError):
        list(fetch(meeting="x", cache=cache, transport=failing, pause=0))
    assert len(list(cache.glob("*.json"))) == 2


def test_fetch_meetings_takes_a_url() -> None:
    transport = FakeTransport(Response(200, _page([HONKAIGI], 11, 11, None)))
    url = API + "?issueID=121215254X00720231129&startRecord=11&recordPacking=xml"
    (record,) = fetch_meetings(url, transport=transport, pause=0)
    assert record["nameOfMeeting"] == "本会議"
    query = transport.query(0)
    assert (query["startRecord"], query["recordPacking"], query["maximumRecords"]) == (
        "11",
        "json",
        "10",
    )


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda: fetch(from_date="2023/11/01"), ValueError),
        (lambda: fetch(until="yesterday"), ValueError),
        (lambda: fetch(session_from=[212]), TypeError),  # type: ignore[arg-type]
        (lambda: fetch(limit=-1), ValueError),
        (lambda: fetch(timeout=0), ValueError),
        (lambda: fetch_meetings("ftp://example.org/api"), ValueError),
        (lambda: fetch_meetings(42), TypeError),  # type: ignore[arg-type]
    ],
)
def test_bad_arguments_fail_at_once(call: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        call()  # type: ignore[operator]


def test_progress_bar(capsys: pytest.CaptureFixture[str]) -> None:
    list(fetch(words="x", transport=_two_pages(), pause=0, progress=True))
    assert "2/2" in capsys.readouterr().err


# -- urllib, against a local server ----------------------------------------------------------


class _Handler(http.server.BaseHTTPRequestHandler):
    answers: ClassVar[list[tuple[int, bytes]]] = []
    seen: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.seen.append(self.path)
        status, body = self.answers.pop(0)
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    _Handler.answers = []
    _Handler.seen = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/api/meeting"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def test_urllib_against_a_local_server(server: str) -> None:
    _Handler.answers = [
        (503, b""),
        (200, _page([MONKA], 1, 2, 2)),
        (200, _page([HONKAIGI], 2, 2, None)),
    ]
    records = list(fetch(house="参議院", base_url=server, pause=0, sleep=Sleeps()))
    assert [r["nameOfHouse"] for r in records] == ["衆議院", "参議院"]
    assert len(_Handler.seen) == 3
    assert "nameOfHouse=%E5%8F%82%E8%AD%B0%E9%99%A2" in _Handler.seen[0]


def test_urllib_statuses_and_failures(server: str) -> None:
    _Handler.answers = [(404, b'{"message": "not here"}')]
    response = urllib_transport(server + "?x=1", 5.0)
    assert (response.status, json.loads(response.body)) == (404, {"message": "not here"})
    closed = server.replace("/api/meeting", "").rsplit(":", 1)[0] + ":9/api/meeting"
    with pytest.raises(urllib.error.URLError):
        urllib_transport(closed, 2.0)  # nothing listens on the discard port
    with pytest.raises(FetchError, match="no answer"):
        list(fetch(base_url=closed, pause=0, retries=1, timeout=2.0, sleep=Sleeps()))


# -- gijiroku kokkai fetch -----------------------------------------------------------------------


def test_the_command_writes_minutes_or_records(
    server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _Handler.answers = [(200, _page([MONKA, HONKAIGI], 1, 2, None))]
    out = tmp_path / "out.jsonl"
    args = ["kokkai", "fetch", "--house", "衆議院", "--from", "2023-11-01", "--pause", "0"]
    args += ["--base-url", server]
    assert main([*args, "-o", str(out), "--no-progress"]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    minutes = [gijiroku.Minutes.model_validate_json(line) for line in lines]
    assert [m.meeting.body for m in minutes] == ["文部科学委員会", "本会議"]
    assert "2 meetings written, 0 failed" in capsys.readouterr().err
    _Handler.answers = [(200, _page([MONKA], 1, 1, None))]
    assert main([*args, "--raw", "--no-progress"]) == 0
    assert json.loads(capsys.readouterr().out) == MONKA
    # a failure is reported, with exit status 1; a bad date is a usage error
    _Handler.answers = [(400, b'{"message": "bad"}')]
    assert main([*args, "--no-progress"]) == 1
    assert "HTTP 400: bad" in capsys.readouterr().err
    assert main(["kokkai", "fetch", "--from", "2023/11/01"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
