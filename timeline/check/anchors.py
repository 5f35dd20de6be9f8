"""The anchors a write-up's page has, as MkDocs makes them: a cheap guess from the text, and the
write-up rendered by Python-Markdown (as MkDocs configures it: toc, tables, fenced_code) to
confirm a problem the guess found. Used by `links.py`."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from xml.etree.ElementTree import Element

import markdown
from markdown.extensions.toc import slugify
from markdown.treeprocessors import Treeprocessor

# --- what a link may lead to ------------------------------------------------------------------

# anchors a page has beyond its headings: ids and <a name> in raw HTML, attr_list's {#id}
_HTML_ID = re.compile(r"""\b(?:id|name)\s*=\s*["']?([^"'\s>]+)""", re.ASCII)
_ATTR_LIST_ID = re.compile(r"\{[^{}\n]*?#([^\s}]+)[^{}\n]*\}")
_ATX_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+([^\n]*)", re.MULTILINE)
_SETEXT_HEADING = re.compile(r"^ {0,3}(\S[^\n]*)\n {0,3}(?:=+|-+)[ \t]*$", re.MULTILINE)
_INLINE_LINK = re.compile(r"!?\[([^\[\]]*)\]\([^()]*\)")
_INLINE_MARKUP = re.compile(r"[*_`~]|<[^<>]*>")


def anchor_ids(body: str) -> frozenset[str]:
    """The anchors a write-up's page has: the ids of its headings as MkDocs makes them (the toc
    extension), and ids written in raw HTML or with attr_list ({#id}). For `ContentFiles`."""
    return _rendered(body).ids | _written_ids(body)


# --- anchors ------------------------------------------------------------------------------------


def _cheap_ids(body: str) -> frozenset[str]:
    """The anchors the page most likely has, without rendering it: heading ids from the text of
    each heading (numbered as toc numbers repeats) and ids written out. A guess that misses an
    id only costs a rendering (`_rendered`), which decides."""
    ids = set(_written_ids(body))
    counts: dict[str, int] = {}
    headings = [_without_closing_hashes(m[1]) for m in _ATX_HEADING.finditer(body)]
    headings += [m[1] for m in _SETEXT_HEADING.finditer(body)]
    for text in headings:
        text = _INLINE_MARKUP.sub("", _INLINE_LINK.sub(r"\1", text))
        slug = slugify(html.unescape(text), "-")
        number = counts.get(slug, 0)
        counts[slug] = number + 1
        ids.add(f"{slug}_{number}" if number else slug)
    return frozenset(ids)


def _without_closing_hashes(text: str) -> str:
    """'Title ##' -> 'Title', as an ATX heading is read (without a quadratic expression)."""
    text = text.rstrip(" \t")
    bare = text.rstrip("#")
    return bare.rstrip(" \t") if bare != text and (not bare or bare[-1] in " \t") else text


def _written_ids(body: str) -> frozenset[str]:
    if "=" not in body and "{" not in body:
        return frozenset()
    ids = {match[1] for match in _HTML_ID.finditer(body)}
    ids.update(match[1] for match in _ATTR_LIST_ID.finditer(body))
    return frozenset(ids)


# --- the write-up as MkDocs renders it ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Rendered:
    targets: tuple[tuple[str, str], ...]  # (tag, href or src) of every link and image
    ids: frozenset[str]  # every id (and <a name>) of the rendered tree
    headings: frozenset[str]  # the ids of headings


class _Collect(Treeprocessor):
    """Records what MkDocs' own tree processors see: link and image targets, and ids."""

    def run(self, root: Element) -> None:
        targets, ids, headings = [], set(), set()
        for element in root.iter():
            if (anchor := element.get("id")) is not None:
                ids.add(anchor)
                if element.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                    headings.add(anchor)
            if element.tag == "a":
                if (name := element.get("name")) is not None:
                    ids.add(name)
                if (href := element.get("href")) is not None:
                    targets.append(("a", href))
            elif element.tag == "img" and (src := element.get("src")) is not None:
                targets.append(("img", src))
        self.found = _Rendered(tuple(targets), frozenset(ids), frozenset(headings))


@cache
def _markdown() -> tuple[markdown.Markdown, _Collect]:
    md = markdown.Markdown(extensions=["toc", "tables", "fenced_code"])
    collect = _Collect(md)
    md.treeprocessors.register(collect, "timeline_collect", 4)  # after toc (5) gave the ids
    return md, collect


@lru_cache(maxsize=4)  # a write-up is rendered once for all the questions asked of it
def _rendered(body: str) -> _Rendered:
    md, collect = _markdown()
    md.reset()
    try:
        md.convert(body)
    except Exception:  # RecursionError on lists nested thousands deep, say: untrusted text
        return _Rendered((), frozenset(), frozenset())  # nothing confirmed: nothing reported
    return collect.found
