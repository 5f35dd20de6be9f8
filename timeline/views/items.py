"""An event's item on the timeline (`event_item` in macros.html), rendered once and kept across
the preview's rebuilds. A new entry changes every timeline page ("out of 5,001", each year's
count), and the items were most of those pages' time: 5,000 of them at 5,000 events, each the
same as in the last build but for its links, which are relative to the page that lists it.

So an item is rendered once with each link written as a marker holding its site path, and each
page puts its own relative links in place (`relative_to`), which gives the same HTML, byte for
byte, as rendering the item on that page (tested against a whole build). The markers carry a
random token drawn once per process: an entry cannot write one. An item whose markers do not
come out as its links went in (a site's own macros.html that changes a link after making it)
is rendered on each page as before, never kept."""

from __future__ import annotations

import html
import re
import secrets
from collections.abc import Callable
from typing import Any

import jinja2
from markupsafe import Markup, escape

from .. import words

MACROS = "timeline/macros.html"


class Items:
    """`event_item` as a template calls it, with the macro first: `kept_item(m.event_item,
    event, registry, url, ...)`. `keep`: whether items are kept (the preview); otherwise each is
    rendered as the macro renders it, and nothing is held."""

    def __init__(self, keep: bool = False):
        self.keep = keep
        self.store: dict[tuple, tuple[tuple, tuple[str, ...]]] = {}  # (id, variant) -> key, parts
        self.made = self.reused = 0  # this build's, for tests and the log
        self._source: tuple | None = None
        token = secrets.token_hex(8)
        self._open, self._close = f"\ue000{token}\ue001", f"\ue002{token}\ue003"
        self._markers = re.compile(f"{re.escape(self._open)}(.*?){re.escape(self._close)}", re.S)

    def begin(self, env: jinja2.Environment) -> None:
        """A new build: items rendered by another macros.html, or in another language, are not
        this build's."""
        self.made = self.reused = 0
        if not self.keep:  # nothing kept: nothing to check
            return
        try:
            source = env.loader.get_source(env, MACROS)[0] if env.loader else None
        except jinja2.TemplateNotFound:
            source = None
        now = (source, words.active())
        if now != self._source:
            self.store.clear()
            self._source = now

    def __call__(
        self, macro: Callable[..., Any], event, registry, url: Callable[[str], str],
        actor_url, source_line, actor_line, help: str = "", level: int = 4, thumb=None,
        outcomes=None, outcome_words=None,
    ) -> Markup:  # fmt: skip
        def render(link: Callable[[str], str]) -> Markup:
            return macro(
                event, registry, link, actor_url, source_line, actor_line, help,
                level=level, thumb=thumb, outcomes=outcomes, outcome_words=outcome_words,
            )  # fmt: skip

        if not self.keep:
            return render(url)
        later = tuple(outcomes.get(event.id, ())) if outcomes else ()
        names = tuple(registry[a].name for a in event.actors)
        functions = (actor_url, source_line, actor_line, thumb, outcome_words)
        key = (event, names, help, later, functions)
        slot = (event.id, level, thumb is not None, outcomes is not None)
        kept = self.store.get(slot)
        if kept is not None and kept[0] == key:
            self.reused += 1
            parts = kept[1]
        else:
            parts = self._parts(render)
            if parts is None:  # the links did not come out as they went in: not kept
                return render(url)
            self.store[slot] = (key, parts)
            self.made += 1
        out = list(parts)
        for at in range(1, len(out), 2):
            out[at] = escape(url(out[at]))
        return Markup("".join(out))

    def _parts(self, render: Callable[[Callable[[str], str]], Markup]) -> tuple[str, ...] | None:
        """The item's HTML split at its links: text, a link's site path, text, ..., text."""
        made = 0

        def marked(target: str) -> str:
            nonlocal made
            made += 1
            return f"{self._open}{target}{self._close}"

        text = str(render(marked))
        parts = self._markers.split(text)
        if len(parts) != 2 * made + 1:  # a link changed, repeated or left out after it was made
            return None
        parts[1::2] = [html.unescape(target) for target in parts[1::2]]  # as escaped in the HTML
        return tuple(parts)
