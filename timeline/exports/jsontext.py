"""JSON text for the exports: deterministic, UTF-8, and inert if pasted into an HTML page."""

from __future__ import annotations

import json

# `<` as a JSON escape: parsers read the same strings, but no `</script>` or `<!--` can appear
# in the file, even when a page inlines it in a <script> element; U+2028 and U+2029 end a line
# in older JavaScript engines
_INERT = (("<", "\\u003c"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


def dump(data: object, indent: int | None = None) -> bytes:
    """JSON in the key order given, non-ASCII text kept readable, ending in a newline.

    Compact by default: the exports grow with the timeline, and only compact output is written
    by the json module's C encoder (indented output is several times slower).
    """
    separators = (",", ":") if indent is None else None
    text = json.dumps(data, ensure_ascii=False, indent=indent, separators=separators)
    for raw, escaped in _INERT:
        text = text.replace(raw, escaped)
    return (text + "\n").encode("utf-8")
