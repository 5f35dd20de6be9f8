"""A local web server for `timeline links` tests: every answer a source's link can get (200,
redirects, 404, 410, 429, a refused HEAD, no answer in time) and a fake Wayback Machine
availability API, on 127.0.0.1; it records every request it gets, when, and how many at once."""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

SLOW = 3.0  # seconds the slow path takes to answer: well past the tests' timeout (1 s)


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    at: float  # time.monotonic() when it arrived
    user_agent: str


@dataclass
class Record:
    requests: list[Request] = field(default_factory=list)
    active: int = 0
    peak: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def paths(self, method: str | None = None) -> list[str]:
        return [r.path for r in self.requests if method in (None, r.method)]


class Handler(BaseHTTPRequestHandler):
    server: LinkServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def do_HEAD(self) -> None:
        self.handle_request("HEAD")

    def do_GET(self) -> None:
        self.handle_request("GET")

    def handle_request(self, method: str) -> None:
        record = self.server.record
        with record.lock:
            record.requests.append(
                Request(method, self.path, time.monotonic(), self.headers.get("User-Agent", ""))
            )
            record.active += 1
            record.peak = max(record.peak, record.active)
            seen = sum(r.path == self.path for r in record.requests)
        self.active = True
        try:
            self.route(method, seen)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting (the slow path)
        finally:
            self.done()

    def done(self) -> None:
        """No longer active: before the answer is sent, since the client may start its next
        request as soon as it has the answer, before this thread would get here otherwise (a
        busy machine showed a peak of 4 with 3 at once)."""
        if self.active:
            self.active = False
            with self.server.record.lock:
                self.server.record.active -= 1

    def send(self, status: int, headers: dict[str, str] | None = None, body: bytes = b"") -> None:
        self.done()
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command == "GET":
            self.wfile.write(body)
        self.close_connection = True

    def route(self, method: str, seen: int) -> None:
        parts = urlsplit(self.path)
        path = parts.path
        if path.startswith("/ok") or path == "/":
            self.send(200, {"Content-Type": "text/html"}, b"<p>still here</p>" * 1000)
        elif path == "/old":
            self.send(301, {"Location": "/ok/new"})
        elif path == "/temporary":
            self.send(302, {"Location": "/ok/elsewhere"})
        elif path == "/old-then-missing":
            self.send(308, {"Location": "/missing"})
        elif path == "/loop":
            self.send(301, {"Location": "/loop"})
        elif path == "/to-file":
            self.send(301, {"Location": "file:///etc/passwd"})
        elif path == "/missing":
            self.send(404)
        elif path == "/gone":
            self.send(410)
        elif path == "/busy-once":
            self.send(*((429, {"Retry-After": "0"}) if seen == 1 else (200,)))
        elif path == "/busy":
            self.send(429, {"Retry-After": "0"})
        elif path == "/slow":
            time.sleep(SLOW)
            self.send(200)
        elif path == "/drip":  # headers a byte at a time: each read is quick, the answer never ends
            self.wfile.write(b"HTTP/1.1 200 OK\r\nX-Slow: ")
            for _ in range(100):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.1)
        elif path == "/no-head":
            self.send(405 if method == "HEAD" else 200, {"Allow": "GET"})
        elif path.startswith("/hold"):
            time.sleep(0.2)
            self.send(200)
        elif path == "/wayback/available":
            self.availability(parse_qs(parts.query))
        else:
            self.send(404)

    def availability(self, query: dict[str, list[str]]) -> None:
        """The availability API's answer shape (archive.org/help/wayback_api.php)."""
        url = query.get("url", [""])[0]
        stamp = query.get("timestamp", ["20250101"])[0].ljust(14, "0")
        closest = {
            "status": "200",
            "available": True,
            "url": f"http://web.archive.org/web/{stamp}/{url}",
            "timestamp": stamp,
        }
        if "never-archived" in url:
            snapshots = {}
        elif "hostile-archive" in url:
            snapshots = {"closest": {**closest, "url": "javascript:alert(1)"}}
        else:
            snapshots = {"closest": closest}
        body = json.dumps({"url": url, "archived_snapshots": snapshots}).encode()
        self.send(200, {"Content-Type": "application/json"}, body)


class LinkServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # the default 5 drops connections the tests open at once

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.record = Record()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"


def start() -> tuple[LinkServer, threading.Thread]:
    server = LinkServer()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    return server, thread
