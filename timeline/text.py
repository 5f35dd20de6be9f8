"""Characters that contributor text may not carry, and how a hostile value is shown in a message.

Titles, names and notes end up in HTML, XML feeds, calendars and CI logs. Control characters are
illegal in XML 1.0 and mean something to terminals and to GitHub's log parser (a newline followed
by `::error::` is a workflow command), so the core refuses them in values and neutralises them in
every problem it prints.
"""

from __future__ import annotations

import re
from functools import cache

# Unicode category Cc, lone surrogates (never valid UTF-8), and U+FFFE/U+FFFF, which are not
# characters (XML 1.0 forbids them). Right-to-left text, emoji and joiners are all fine.
_CONTROL = "\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff"
# and, in a log line, what reorders or breaks the text around it: bidi embeddings, overrides and
# isolates (the "Trojan Source" characters) and the Unicode line and paragraph separators
_LOG_UNSAFE = re.compile(f"[{_CONTROL}\u202a-\u202e\u2066-\u2069\u2028\u2029]")
_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


@cache
def _forbidden(allow: str) -> re.Pattern[str]:
    chars = "".join(c for c in map(chr, range(0x20)) if c not in allow)
    return re.compile(f"[{re.escape(chars)}\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


@cache
def _innocent_bytes(allow: str) -> bytes:
    """The bytes that are no part of a forbidden character in UTF-8: all but the forbidden
    ASCII controls and the lead bytes of U+0080-U+00BF (C2), of the surrogates (ED) and of
    U+F000-U+FFFF (EF)."""
    suspect = {c for c in range(0x20) if chr(c) not in allow} | {0x7F, 0xC2, 0xED, 0xEF}
    return bytes(c for c in range(256) if c not in suspect)


def control_character(text: str, allow: str = "") -> tuple[int, str] | None:
    """The index and name ('U+0007') of the first character text may not contain, or None.
    `allow` lets a caller keep some (a Markdown body keeps tabs and newlines)."""
    if text.isprintable():  # no Cc, Cs or Cn character, so none of these: the usual value
        return None
    # a long text is searched only if its UTF-8 has a byte of a forbidden character: deleting
    # the others is several times faster than a character class search (bodies, summaries)
    if len(text) > 64:
        suspect = text.encode("utf-8", "surrogatepass").translate(None, _innocent_bytes(allow))
        if not suspect:
            return None
    if match := _forbidden(allow).search(text):
        return match.start(), f"U+{ord(match.group()):04X}"
    return None


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """Text safe to print on one log line: control and line-breaking characters as escapes."""
    return _LOG_UNSAFE.sub(_escape, text)


def plural(count: int, word: str) -> str:
    """'1 event', '2 events'."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"
