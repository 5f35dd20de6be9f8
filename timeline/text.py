"""Characters that contributor text may not carry, and how a hostile value is shown in a message.

Titles, names and notes end up in HTML, XML feeds, calendars and CI logs. Control characters are
illegal in XML 1.0 and mean something to terminals and to GitHub's log parser (a newline followed
by `::error::` is a workflow command), so the core refuses them in values and neutralises them in
every problem it prints.
"""

from __future__ import annotations

import unicodedata

# U+FFFE and U+FFFF are not characters (XML 1.0 forbids them); category Cs (lone surrogates)
# cannot be encoded as UTF-8 at all.
_NONCHARACTERS = {"\ufffe", "\uffff"}
# Characters that reorder or break the text around them in a log line: bidi embeddings,
# overrides and isolates (the "Trojan Source" characters), and the Unicode line separators.
_LOG_UNSAFE = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x2028, 0x2029)}


def _forbidden(char: str) -> bool:
    return unicodedata.category(char) in ("Cc", "Cs") or char in _NONCHARACTERS


def control_character(text: str) -> str | None:
    """A description of the first character that text may not contain ('U+0007'), or None.

    Control characters (including tab, CR and LF, which every caller has already dealt with or
    refuses) and non-characters are refused; right-to-left text, emoji and joiners are fine.
    """
    for char in text:
        if _forbidden(char):
            return f"U+{ord(char):04X}"
    return None


def visible(text: str) -> str:
    """Text safe to print on one log line: control and line-breaking characters as escapes."""
    if not any(_forbidden(char) or char in _LOG_UNSAFE for char in text):
        return text  # the common case, without building a new string
    out = []
    for char in text:
        if char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif _forbidden(char) or char in _LOG_UNSAFE:
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(char)
    return "".join(out)
