"""A small client for the NDL Kokkai API (``https://kokkai.ndl.go.jp/api/meeting``), on urllib.

:func:`fetch` asks ``/api/meeting`` for the meetings that match some conditions and yields
their ``meetingRecord`` items (JSON, ``recordPacking=json``), page after page
(``startRecord`` → ``nextRecordPosition``, 10 meetings a page, the API's maximum).
:func:`fetch_meetings` does the same for a URL you already have. Pass each record to
:func:`gijiroku.from_kokkai`.

As the NDL asks of API users, requests go one at a time with a pause between them
(:data:`DEFAULT_PAUSE` seconds). A request that times out, fails on the network or gets a
5xx or 429 answer is tried again (``retries`` times, waiting longer each time, or as long as
``Retry-After`` says); anything else that goes wrong raises :class:`~gijiroku.FetchError`
(a :class:`~gijiroku.GijirokuError` and an ``OSError``) with the URL and the HTTP status.
``cache=`` keeps every page in a folder, so a second run asks the network for nothing.

The network is reached through a *transport*: a function ``(url, timeout) -> Response`` that
raises ``OSError`` when no answer comes. :func:`urllib_transport` is the default; tests pass
their own.

Example:
    >>> from gijiroku import from_kokkai
    >>> from gijiroku.kokkai import fetch
    >>> for record in fetch(house="衆議院", meeting="文部科学委員会",
    ...                     from_date="2023-11-01", until="2023-11-30"):  # doctest: +SKIP
    ...     minutes = from_kokkai(record)
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import http.client
import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from gijiroku.errors import FetchError

if TYPE_CHECKING:
    from tqdm import tqdm

__all__ = [
    "API_URL",
    "DEFAULT_PAUSE",
    "DEFAULT_RETRIES",
    "DEFAULT_TIMEOUT",
    "MAX_RESPONSE_BYTES",
    "FetchError",
    "Response",
    "Transport",
    "fetch",
    "fetch_meetings",
    "urllib_transport",
]

#: The meeting endpoint (会議単位出力): every speech's text, at most 10 meetings a request.
API_URL = "https://kokkai.ndl.go.jp/api/meeting"
#: Seconds between two requests: the NDL asks for a pause of a few seconds.
DEFAULT_PAUSE = 3.0
#: Seconds to wait for an answer.
DEFAULT_TIMEOUT = 60.0
#: How often a request that failed on the network, timed out or got a 5xx is tried again.
DEFAULT_RETRIES = 3
#: Meetings a request asks for: the API's maximum for ``/api/meeting``.
PAGE_SIZE = 10
#: An answer larger than this is refused (ten long meetings are a few megabytes).
MAX_RESPONSE_BYTES = 256 * 1024 * 1024
#: The longest wait before a retry, whatever ``Retry-After`` says.
MAX_BACKOFF = 120.0
USER_AGENT = "gijiroku (https://pypi.org/project/gijiroku/)"

#: The conditions :func:`fetch` takes by name → the API's parameter.
CONDITIONS: dict[str, str] = {
    "house": "nameOfHouse",
    "meeting": "nameOfMeeting",
    "speaker": "speaker",
    "words": "any",
    "from_date": "from",
    "until": "until",
    "session_from": "sessionFrom",
    "session_to": "sessionTo",
    "issue_id": "issueID",
}


@dataclass(frozen=True)
class Response:
    """What a transport got back: the HTTP status, the body and the headers."""

    status: int
    body: bytes
    headers: Mapping[str, str] = field(default_factory=dict)


Transport = Callable[[str, float], Response]
"""``(url, timeout) -> Response``; raises ``OSError`` (``TimeoutError`` …) when no answer came."""


def urllib_transport(url: str, timeout: float) -> Response:
    """GET ``url`` with the standard library; an HTTP error status is a response, not an
    exception. Raises ``OSError`` when no complete answer came."""
    request = urllib.request.Request(
        url, headers={"User-Agent": USER_AGENT, "Accept": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            body = answer.read(MAX_RESPONSE_BYTES + 1)
            return Response(answer.status, body, dict(answer.headers.items()))
    except urllib.error.HTTPError as error:
        try:
            body = error.read(MAX_RESPONSE_BYTES + 1)
        except (OSError, http.client.HTTPException):
            body = b""
        headers = dict(error.headers.items()) if error.headers is not None else {}
        return Response(error.code, body, headers)
    except http.client.HTTPException as error:  # a broken answer: IncompleteRead, BadStatusLine
        raise ConnectionError(f"{type(error).__name__}: {error}") from None


def _date(value: dt.date | str, name: str) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(value).isoformat()
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a date or YYYY-MM-DD, not {value!r}") from None


def _parameters(conditions: Mapping[str, object]) -> dict[str, str]:
    params: dict[str, str] = {}
    for name, value in conditions.items():
        if value is None:
            continue
        api = CONDITIONS[name]
        if name in ("from_date", "until"):
            params[api] = _date(value, name)  # type: ignore[arg-type]
        elif isinstance(value, bool) or not isinstance(value, (str, int)):
            raise TypeError(f"{name} must be a str or an int, not {type(value).__name__}")
        else:
            params[api] = str(value)
    return params


def fetch(
    *,
    house: str | None = None,
    meeting: str | None = None,
    speaker: str | None = None,
    words: str | None = None,
    from_date: dt.date | str | None = None,
    until: dt.date | str | None = None,
    session_from: int | None = None,
    session_to: int | None = None,
    issue_id: str | None = None,
    conditions: Mapping[str, str | int] | None = None,
    limit: int | None = None,
    pause: float = DEFAULT_PAUSE,
    timeout: float = DEFAULT_TIMEOUT,
    retries: int = DEFAULT_RETRIES,
    cache: str | os.PathLike[str] | None = None,
    progress: bool = False,
    transport: Transport | None = None,
    base_url: str = API_URL,
    sleep: Callable[[float], None] = time.sleep,
) -> Iterator[dict[str, object]]:
    """The meeting records that match the conditions, as ``/api/meeting`` serves them (JSON).

    Args:
        house: ``nameOfHouse``: 衆議院, 参議院, 両院 or 両院協議会.
        meeting: ``nameOfMeeting``: a committee's name or part of it (本会議, 文部科学委員会).
        speaker: ``speaker``: a speaker's name.
        words: ``any``: words anywhere in the minutes (spaces between words: all of them).
        from_date: ``from``: the first day (a date or ``YYYY-MM-DD``).
        until: ``until``: the last day.
        session_from: ``sessionFrom``: the first session (国会回次).
        session_to: ``sessionTo``: the last session.
        issue_id: ``issueID``: one meeting.
        conditions: any other API parameter, passed as is (``{"speakerRole": "参考人"}``).
        limit: stop after this many meetings.
        pause: seconds between two requests (cached pages are not requests).
        timeout: seconds to wait for an answer.
        retries: how often to try again after a timeout, a network failure, 5xx or 429.
        cache: a folder to keep each page in (created when missing); a page found there is
            not requested again.
        progress: show a progress bar (tqdm) on standard error.
        transport: how to reach the network (see :data:`Transport`); urllib by default.
        base_url: the endpoint (``/api/meeting``; for a mirror or a test server).
        sleep: how to wait (for tests).

    Yields:
        One ``meetingRecord`` dict per meeting, in the API's order.

    Raises:
        FetchError: the API could not be read (after the retries), answered with an error
            message or an HTTP error, or with something that is not its JSON.
        ValueError: a date that is not ``YYYY-MM-DD``, a negative limit, pause or timeout.
        TypeError: a condition of the wrong type.
    """
    named = {
        "house": house,
        "meeting": meeting,
        "speaker": speaker,
        "words": words,
        "from_date": from_date,
        "until": until,
        "session_from": session_from,
        "session_to": session_to,
        "issue_id": issue_id,
    }
    params = _parameters(named)
    for name, value in (conditions or {}).items():
        params[str(name)] = str(value)
    url = base_url + "?" + urllib.parse.urlencode(params)
    return fetch_meetings(
        url,
        limit=limit,
        pause=pause,
        timeout=timeout,
        retries=retries,
        cache=cache,
        progress=progress,
        transport=transport,
        sleep=sleep,
    )


def fetch_meetings(
    url: str,
    *,
    limit: int | None = None,
    pause: float = DEFAULT_PAUSE,
    timeout: float = DEFAULT_TIMEOUT,
    retries: int = DEFAULT_RETRIES,
    cache: str | os.PathLike[str] | None = None,
    progress: bool = False,
    transport: Transport | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> Iterator[dict[str, object]]:
    """The meeting records of an ``/api/meeting`` URL you already have (its query holds the
    conditions), every page of them; ``recordPacking=json`` and ``maximumRecords=10`` are
    set for you, and ``startRecord`` is where it starts. The options are :func:`fetch`'s.

    Example:
        >>> url = "https://kokkai.ndl.go.jp/api/meeting?issueID=121205124X00120231101"
        >>> [gijiroku.from_kokkai(r) for r in fetch_meetings(url)]  # doctest: +SKIP
    """
    if not isinstance(url, str):
        raise TypeError(f"url must be a str, not {type(url).__name__}")
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"not an http(s) URL: {url!r}")
    if limit is not None and limit < 0:
        raise ValueError("limit must be 0 or more")
    if pause < 0 or timeout <= 0 or retries < 0:
        raise ValueError("pause and retries must be 0 or more, timeout more than 0")
    params = dict(urllib.parse.parse_qsl(parts.query, keep_blank_values=True))
    params["recordPacking"] = "json"
    params.setdefault("maximumRecords", str(PAGE_SIZE))
    client = _Client(
        transport=transport or urllib_transport,
        pause=pause,
        timeout=timeout,
        retries=retries,
        cache=os.fspath(cache) if cache is not None else None,
        sleep=sleep,
    )
    return client.meetings(parts, params, limit=limit, progress=progress)


@dataclass
class _Client:
    transport: Transport
    pause: float
    timeout: float
    retries: int
    cache: str | None
    sleep: Callable[[float], None]
    last_request: float | None = None

    def meetings(
        self,
        parts: urllib.parse.SplitResult,
        params: dict[str, str],
        *,
        limit: int | None,
        progress: bool,
    ) -> Iterator[dict[str, object]]:
        start = params.get("startRecord", "1")
        bar: tqdm[Any] | None = None
        yielded = 0
        try:
            while limit is None or yielded < limit:
                params["startRecord"] = start
                url = urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(params)))
                page = self.page(url)
                records = page.get("meetingRecord") or []
                if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
                    raise FetchError(
                        "'meetingRecord' is not a list of objects", url=url, status=200
                    )
                if progress and bar is None:
                    bar = _progress_bar(page, limit)
                for record in records:
                    if limit is not None and yielded >= limit:
                        return
                    yield record
                    yielded += 1
                    if bar is not None:
                        bar.update(1)
                following = page.get("nextRecordPosition")
                if following in (None, "", 0, "0"):
                    return
                if not str(following).isdecimal() or int(str(following)) <= int(start or 1):
                    raise FetchError(
                        f"nextRecordPosition {following!r} does not move past {start}",
                        url=url,
                        status=200,
                    )
                start = str(following)
        finally:
            if bar is not None:
                bar.close()

    def page(self, url: str) -> dict[str, Any]:
        """One page of the answer, from the cache or the network."""
        cached = self._cached(url)
        if cached is not None:
            return cached
        body = self._get(url)
        page = _decode(body, url)
        self._store(url, body)
        return page

    def _get(self, url: str) -> bytes:
        attempt = 0
        while True:
            self._wait()
            try:
                response = self.transport(url, self.timeout)
            except OSError as error:  # TimeoutError, ConnectionError, URLError …
                self.last_request = time.monotonic()
                if attempt >= self.retries:
                    raise FetchError(
                        f"no answer from the Kokkai API after {attempt + 1} tries: "
                        f"{type(error).__name__}: {error}",
                        url=url,
                    ) from None
                self.sleep(self._backoff(attempt, None))
                attempt += 1
                continue
            self.last_request = time.monotonic()
            if len(response.body) > MAX_RESPONSE_BYTES:
                raise FetchError(
                    f"the answer is larger than {MAX_RESPONSE_BYTES} bytes",
                    url=url,
                    status=response.status,
                )
            if response.status == 200:
                return response.body
            retryable = response.status >= 500 or response.status == 429
            if not retryable or attempt >= self.retries:
                tries = f" after {attempt + 1} tries" if retryable else ""
                raise FetchError(
                    f"the Kokkai API answered HTTP {response.status}{tries}"
                    + _api_message(response.body),
                    url=url,
                    status=response.status,
                )
            self.sleep(self._backoff(attempt, response.headers))
            attempt += 1

    def _wait(self) -> None:
        if self.last_request is not None and self.pause > 0:
            remaining = self.pause - (time.monotonic() - self.last_request)
            if remaining > 0:
                self.sleep(remaining)

    def _backoff(self, attempt: int, headers: Mapping[str, str] | None) -> float:
        """How long to wait before retry ``attempt + 1``: ``Retry-After`` when the server says,
        else the pause doubled for each retry (at least one second)."""
        for name, value in (headers or {}).items():
            if name.lower() == "retry-after" and value.strip().isdecimal():
                return min(float(value.strip()), MAX_BACKOFF)
        return min(max(self.pause, 1.0) * 2.0**attempt, MAX_BACKOFF)

    def _cache_path(self, url: str) -> str | None:
        if self.cache is None:
            return None
        return os.path.join(self.cache, hashlib.sha256(url.encode("utf-8")).hexdigest() + ".json")

    def _cached(self, url: str) -> dict[str, Any] | None:
        path = self._cache_path(url)
        if path is None or not os.path.isfile(path):
            return None
        try:
            with open(path, "rb") as handle:
                return _decode(handle.read(), url)
        except (OSError, FetchError):
            return None  # unreadable or damaged: ask the network again

    def _store(self, url: str, body: bytes) -> None:
        path = self._cache_path(url)
        if path is None:
            return
        os.makedirs(os.path.dirname(path), exist_ok=True)
        temporary = f"{path}.{os.getpid()}.tmp"
        with open(temporary, "wb") as handle:
            handle.write(body)
        os.replace(temporary, path)


def _decode(body: bytes, url: str) -> dict[str, Any]:
    """A page's JSON; an error message from the API or anything else raises ``FetchError``."""
    try:
        page = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise FetchError(
            f"the Kokkai API answered with something that is not JSON: {body[:60]!r}",
            url=url,
            status=200,
        ) from None
    if not isinstance(page, dict):
        raise FetchError("the Kokkai API answered with JSON that is no object", url=url, status=200)
    if "message" in page and "meetingRecord" not in page:
        raise FetchError(
            "the Kokkai API answered with an error" + _api_message(body), url=url, status=200
        )
    return page


def _api_message(body: bytes) -> str:
    """``: message (details)`` from an API error answer, or nothing."""
    try:
        page = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return ""
    if not isinstance(page, dict) or not page.get("message"):
        return ""
    details = page.get("details")
    extra = f" ({'; '.join(map(str, details))})" if isinstance(details, list) and details else ""
    return f": {page['message']}{extra}"


def _progress_bar(page: Mapping[str, Any], limit: int | None) -> tqdm[Any]:
    from tqdm import tqdm

    total = str(page.get("numberOfRecords"))
    count = int(total) if total.isdecimal() else None
    if limit is not None:
        count = limit if count is None else min(count, limit)
    return tqdm(total=count, unit="meeting", file=sys.stderr, dynamic_ncols=True)


# -- gijiroku kokkai fetch -----------------------------------------------------------------------


def add_command(commands: Any) -> None:
    """Add ``gijiroku kokkai fetch`` to the command line's subcommands."""
    kokkai = commands.add_parser("kokkai", help="the NDL Kokkai API (国会会議録検索システム)")
    actions = kokkai.add_subparsers(dest="kokkai_command", metavar="ACTION", required=True)
    command = actions.add_parser(
        "fetch",
        help="download meetings from the API as JSON Lines",
        description="Ask /api/meeting for the meetings that match, one request at a time with "
        "a pause between requests, and write one line per meeting: gijiroku's minutes "
        "(from_kokkai), or with --raw the API's records as served.",
    )
    command.add_argument("--house", help="nameOfHouse: 衆議院, 参議院, 両院, 両院協議会")
    command.add_argument("--meeting", help="nameOfMeeting: a committee, or part of its name")
    command.add_argument("--speaker", help="a speaker's name")
    command.add_argument("--any", dest="words", metavar="WORDS", help="words in the minutes")
    command.add_argument("--from", dest="from_date", metavar="YYYY-MM-DD", help="the first day")
    command.add_argument("--until", metavar="YYYY-MM-DD", help="the last day")
    command.add_argument("--issue-id", help="one meeting by its issueID")
    command.add_argument("--limit", type=int, metavar="N", help="stop after N meetings")
    command.add_argument("-o", "--output", metavar="FILE", help="write here, not to stdout")
    command.add_argument("--raw", action="store_true", help="the API's records, not minutes")
    command.add_argument("--cache", metavar="DIR", help="keep every page in this folder")
    command.add_argument(
        "--pause", type=float, default=DEFAULT_PAUSE, metavar="SECONDS",
        help=f"between requests (default {DEFAULT_PAUSE:g})",
    )  # fmt: skip
    command.add_argument(
        "--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
        help=f"for an answer (default {DEFAULT_TIMEOUT:g})",
    )  # fmt: skip
    command.add_argument(
        "--retries", type=int, default=DEFAULT_RETRIES, metavar="N",
        help=f"after a timeout or a 5xx answer (default {DEFAULT_RETRIES})",
    )  # fmt: skip
    command.add_argument(
        "--base-url", default=API_URL, metavar="URL",
        help="the /api/meeting endpoint (for a mirror or a test server)",
    )  # fmt: skip
    command.add_argument(
        "--progress", action=argparse.BooleanOptionalAction, default=None,
        help="a progress bar on stderr (default: when stderr is a terminal)",
    )  # fmt: skip


def run_command(args: argparse.Namespace, *, transport: Transport | None = None) -> int:
    """Carry out ``gijiroku kokkai fetch``; the exit status (0, or 1 when a meeting could not
    be read or the API failed)."""
    from gijiroku.errors import GijirokuError
    from gijiroku.kokkai import from_kokkai

    progress = args.progress if args.progress is not None else sys.stderr.isatty()
    try:
        records = fetch(
            house=args.house,
            meeting=args.meeting,
            speaker=args.speaker,
            words=args.words,
            from_date=args.from_date,
            until=args.until,
            issue_id=args.issue_id,
            limit=args.limit,
            pause=args.pause,
            timeout=args.timeout,
            retries=args.retries,
            cache=args.cache,
            progress=progress,
            transport=transport,
            base_url=args.base_url,
        )
    except ValueError as error:
        print(f"gijiroku: error: {error}", file=sys.stderr)
        return 2
    out = sys.stdout if args.output in (None, "-") else open(args.output, "w", encoding="utf-8")  # noqa: SIM115
    written = failed = 0
    try:
        for record in records:
            if args.raw:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                try:
                    minutes = from_kokkai(record)
                except GijirokuError as error:
                    failed += 1
                    print(f"gijiroku: {record.get('issueID')}: {error}", file=sys.stderr)
                    continue
                out.write(minutes.to_json(indent=None) + "\n")
            written += 1
    except FetchError as error:
        print(f"gijiroku: error: {error} ({error.url})", file=sys.stderr)
        failed += 1
    finally:
        if out is not sys.stdout:
            out.close()
    print(f"gijiroku: {written} meetings written, {failed} failed", file=sys.stderr)
    return 1 if failed else 0
