"""Ask a web server whether one link still answers, politely and within bounds.

HEAD first, GET when a server refuses HEAD; redirects followed one hop at a time (each hop
checked like the first); 429 and 503 retried after the server's Retry-After, within a bound. No
body is read (bar the availability API's small JSON answer), every read has a timeout and every
request a deadline of `DEADLINE` timeouts, and at most one request a `host_delay` goes to each
host. Links are content, and content is untrusted:
only http(s) is asked, and a host that resolves to a loopback, private or other non-public
address is refused unless `allow_private` is set; the address checked is the address connected
to, so a second DNS answer cannot swap it.
"""

from __future__ import annotations

import email.utils
import http.client
import ipaddress
import socket
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC
from urllib.parse import quote, urljoin, urlsplit

from .. import __version__

USER_AGENT = f"timeline-links/{__version__} (news-timeline source link checker)"
HEAD_REFUSED = (400, 403, 405, 501)  # servers that answer HEAD so usually answer GET
REDIRECTS = (301, 302, 303, 307, 308)
PERMANENT = (301, 308)
BUSY = (429, 503)
GONE = (404, 410)
MAX_REDIRECTS = 10
MAX_RETRY_WAIT = 60.0  # a Retry-After longer than this is not waited for: "unknown"
BACKOFF = 2.0  # seconds before the first retry when the server gives no Retry-After
DEADLINE = 3  # a request ends within this many timeouts, however slowly a server answers


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one link: `kind` is ok, moved, dead, unknown (no verdict) or skipped (not
    asked); `detail` says why in a few words; `final` is where redirects led."""

    kind: str
    detail: str = ""
    final: str | None = None


@dataclass(frozen=True, slots=True)
class Settings:
    timeout: float = 10.0
    host_delay: float = 1.0
    retries: int = 2
    allow_private: bool = False
    user_agent: str = USER_AGENT


class TooSlow(TimeoutError):
    """A server kept a request going past its deadline (a byte at a time, say)."""


class Refused(Exception):
    """A link this checker will not ask (scheme, host or address); the message says why."""


class HostPacer:
    """At most one request per `delay` seconds to each host, whatever the thread: a request
    reserves the host's next free slot, then sleeps until it comes (so the order of requests to
    one host is the order in which they asked)."""

    def __init__(
        self,
        delay: float,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.delay, self.clock, self.sleep = delay, clock, sleep
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, host: str) -> None:
        with self._lock:
            now = self.clock()
            slot = max(now, self._next.get(host, now))
            self._next[host] = slot + self.delay
        if slot > now:
            self.sleep(slot - now)

    def hold(self, host: str, seconds: float) -> None:
        """No request to `host` for `seconds` from now (the server asked for a pause)."""
        with self._lock:
            self._next[host] = max(self._next.get(host, 0.0), self.clock() + seconds)


def public_addresses(host: str, port: int, allow_private: bool) -> list[str]:
    """The addresses to connect to for host, in the resolver's order; `Refused` if any of them
    is not a public one (a name that also resolves to 127.0.0.1 is no safer for the others)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except UnicodeError:
        raise Refused(f"'{host}' is not a valid host name") from None
    addresses = [info[4][0] for info in infos]
    if not allow_private:
        for address in addresses:
            if not ipaddress.ip_address(address.split("%", 1)[0]).is_global:
                raise Refused(
                    f"{host} is a local or private address ({address}); not asked "
                    "(--allow-private asks such hosts)"
                )
    return list(dict.fromkeys(addresses))


def connect(addresses: list[str], port: int, timeout: float) -> socket.socket:
    """A connection to the first address that answers, as `socket.create_connection` tries a
    name's addresses (a runner without IPv6 still reaches a host that has both)."""
    error: OSError = OSError("no address")
    for address in addresses:
        try:
            return socket.create_connection((address, port), timeout)
        except OSError as failed:
            error = failed
    raise error


def _abort(connection: _Pinned | _PinnedTLS) -> None:
    """Wake a request blocked reading from a server that sends too slowly: the timeout of a
    socket bounds each read, not a whole answer sent a byte at a time."""
    connection.aborted = True
    sock = connection.sock
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


class _Pinned(http.client.HTTPConnection):
    """An HTTP connection to an address already resolved and checked (Host: the name)."""

    def __init__(self, host: str, port: int, addresses: list[str], timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self.addresses = addresses
        self.aborted = False

    def connect(self) -> None:
        self.sock = connect(self.addresses, self.port, self.timeout)


class _PinnedTLS(http.client.HTTPSConnection):
    """`_Pinned` over TLS: the certificate is checked against the host's name."""

    def __init__(self, host: str, port: int, addresses: list[str], timeout: float) -> None:
        self.tls = ssl.create_default_context()
        super().__init__(host, port, timeout=timeout, context=self.tls)
        self.addresses = addresses
        self.aborted = False

    def connect(self) -> None:
        sock = connect(self.addresses, self.port, self.timeout)
        self.sock = self.tls.wrap_socket(sock, server_hostname=self.host)


@dataclass(frozen=True, slots=True)
class Answer:
    status: int
    reason: str
    location: str | None
    retry_after: str | None
    body: bytes = b""


def host_of(url: str) -> str:
    """'https://Example.org:8443/x' -> 'example.org:8443': the unit of the rate limit."""
    try:
        parts = urlsplit(url)
        return f"{(parts.hostname or '').lower()}:{parts.port or ''}"
    except ValueError:  # not asked (`Checker.ask` refuses it): any key will do
        return url


class Checker:
    """Checks links (`check`) and fetches small answers (`fetch`), sharing one pacer."""

    def __init__(self, settings: Settings, pacer: HostPacer | None = None) -> None:
        self.settings = settings
        self.pacer = pacer or HostPacer(settings.host_delay)

    def ask(self, method: str, url: str, body_limit: int = 0) -> Answer:
        """One request, no redirect followed; reads at most `body_limit` bytes of the body."""
        try:
            parts = urlsplit(url)
            if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
                raise Refused("not an http(s) link")
            host = parts.hostname.encode("idna").decode("ascii")
            port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
        except (UnicodeError, ValueError):
            raise Refused("not a valid link (its host or port cannot be read)") from None
        addresses = public_addresses(host, port, self.settings.allow_private)
        kind = _PinnedTLS if parts.scheme.lower() == "https" else _Pinned
        target = quote(parts.path or "/", safe="/%:@!$&'()*+,;=-._~")
        if parts.query:
            target += "?" + quote(parts.query, safe="/%:@!$&'()*+,;=-._~?")
        self.pacer.wait(host_of(url))
        connection = kind(host, port, addresses, self.settings.timeout)
        deadline = self.settings.timeout * DEADLINE
        watchdog = threading.Timer(deadline, _abort, (connection,))
        watchdog.daemon = True
        watchdog.start()
        try:
            connection.request(
                method,
                target,
                headers={
                    "User-Agent": self.settings.user_agent,
                    "Accept": "*/*",
                    "Accept-Encoding": "identity",
                    "Connection": "close",
                },
            )
            response = connection.getresponse()
            body = response.read(body_limit) if body_limit and method == "GET" else b""
        except (OSError, http.client.HTTPException):
            if connection.aborted:
                raise TooSlow(f"no complete answer within {deadline:g} s") from None
            raise
        finally:
            watchdog.cancel()
            connection.close()
        if connection.aborted:
            raise TooSlow(f"no complete answer within {deadline:g} s")
        return Answer(
            response.status,
            response.reason,
            response.getheader("Location"),
            response.getheader("Retry-After"),
            body,
        )

    def check(self, url: str) -> Outcome:
        """The verdict on one link (never raises for what a server or the network does)."""
        current, method, hops, tries = url, "HEAD", 0, 0
        permanent = ""  # the first permanent redirect's status, as "301 Moved Permanently"
        while True:
            try:
                answer = self.ask(method, current)
            except Refused as why:
                return Outcome("skipped", f"not checked: {why}")
            except (OSError, http.client.HTTPException, ValueError) as error:
                return Outcome("dead", self.failure(error, current, url), current)
            status = answer.status
            if method == "HEAD" and status in HEAD_REFUSED:
                method = "GET"  # and GET for the rest of the chain: the server refuses HEAD
                continue
            if status in REDIRECTS and answer.location:
                hops += 1
                try:
                    target = urljoin(current, answer.location.strip())
                    scheme = urlsplit(target).scheme.lower()
                except ValueError:
                    return Outcome("dead", "redirects to an address that is not a link", current)
                if hops > MAX_REDIRECTS:
                    return Outcome("dead", f"more than {MAX_REDIRECTS} redirects", target)
                if scheme not in ("http", "https"):
                    return Outcome("dead", f"redirects to a non-http(s) address {target}", target)
                if status in PERMANENT and not permanent:
                    permanent = f"{status} {answer.reason}"
                current = target
                continue
            if status in BUSY:
                tries += 1
                wait = retry_after(answer.retry_after)
                wait = BACKOFF * 2 ** (tries - 1) if wait is None else wait
                if tries > self.settings.retries or wait > MAX_RETRY_WAIT:
                    return Outcome("unknown", f"rate limited: {status} {answer.reason}", current)
                self.pacer.hold(host_of(current), wait)
                continue
            return verdict(status, answer.reason, current, url, permanent)

    def failure(self, error: BaseException, current: str, url: str) -> str:
        where = "" if current == url else f" at {current}"
        if isinstance(error, TooSlow):
            return f"{error}{where}"
        if isinstance(error, TimeoutError | socket.timeout):
            return f"no answer within {self.settings.timeout:g} s{where}"
        if isinstance(error, ssl.SSLCertVerificationError):
            return f"TLS certificate refused ({error.verify_message}){where}"
        if isinstance(error, socket.gaierror):
            return f"no such host ({error.strerror}){where}"
        if isinstance(error, ConnectionRefusedError):
            return f"connection refused{where}"
        text = str(error) or type(error).__name__
        return f"{text[:150]}{where}"

    def fetch(self, url: str, limit: int = 65536) -> bytes | None:
        """The body of a 200 answer to GET url (at most `limit` bytes), else None."""
        try:
            answer = self.ask("GET", url, body_limit=limit)
        except (Refused, OSError, http.client.HTTPException, ValueError):
            return None  # no answer is no snapshot
        return answer.body if answer.status == 200 else None


def verdict(status: int, reason: str, final: str, url: str, permanent: str = "") -> Outcome:
    """An answer that is not a redirect, a refused HEAD or a request to wait, as an outcome;
    `permanent` names the permanent redirect met on the way, if any."""
    where = "" if final == url else f" at {final}"
    if 200 <= status < 300:
        if permanent:
            return Outcome("moved", permanent, final)
        return Outcome("ok", f"{status} {reason}", final)
    if status in GONE:
        return Outcome("dead", f"{status} {reason}{where}", final)
    return Outcome("unknown", f"{status} {reason}{where}", final)


def retry_after(value: str | None, now: Callable[[], float] = time.time) -> float | None:
    """Seconds to wait from a Retry-After header (seconds, or an HTTP date); None if absent or
    unreadable."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, when.timestamp() - now())
