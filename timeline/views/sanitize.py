"""What an event's write-up may put on a page: the HTML its Markdown renders to, sanitised.

Anyone can open a pull request with an event file, and Markdown passes raw HTML through, so the
rendered body is cleaned with nh3 (the Rust `ammonia` sanitiser) before it reaches a page: no
script, style, form, frame or embedded object, no event-handler or style attribute, links only to
http(s), mailto and relative URLs, and every link gets `rel="noopener noreferrer"`. What Markdown
and the usual extensions produce (headings with anchors, tables, code, footnotes, admonitions,
details) passes unchanged, apart from inline SVG icons, which the sanitiser cannot vet.

Nothing may be loaded from another host: of everything the sanitiser keeps, only an image's `src`
makes a browser fetch something as the page loads (video, audio, source, track, picture, input,
object and embed are not kept, nor srcset, poster, background or style URLs), so an `img` keeps
its `src` only when it is a path on this site. The core check refuses such an image already
(`links.py`); this holds for whatever reaches a page another way.
"""

from __future__ import annotations

import nh3

from ..check.links import loads_from_elsewhere

_ATTRIBUTES = {
    # ids keep heading anchors and footnotes working; classes keep admonitions and code styled
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "th": {"style", "colspan", "rowspan", "scope"},
    "td": {"style", "colspan", "rowspan"},
    "ol": {"start"},
    "time": {"datetime"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "ins": {"cite", "datetime"},
    "del": {"cite", "datetime"},
    "abbr": {"title"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
LINK_REL = "noopener noreferrer"


def _attribute(tag: str, name: str, value: str) -> str | None:
    # ids of the form __x belong to the theme's own controls (`__drawer`, `__search`): a write-up
    # that reused one could take them over
    if name == "id" and value.startswith("__"):
        return None
    if tag == "img" and name == "src" and loads_from_elsewhere(value):
        return None  # an image from another host would tell it who reads the page
    return value


_CLEANER = nh3.Cleaner(  # configured once, used for every event page
    tags=nh3.ALLOWED_TAGS,
    clean_content_tags={"script", "style"},
    attributes=_ATTRIBUTES,
    attribute_filter=_attribute,
    url_schemes=set(URL_SCHEMES),
    link_rel=LINK_REL,
    filter_style_properties={"text-align"},  # what Markdown tables write for alignment
    strip_comments=True,
)


def clean_html(html: str) -> str:
    """The body's rendered HTML with everything that could run or mislead removed."""
    return _CLEANER.clean(html)
