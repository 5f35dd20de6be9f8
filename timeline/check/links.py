"""Links and images in an event's write-up, checked before MkDocs sees them.

MkDocs checks a page's relative links itself, but only while building, in its own words, and it
decodes a link's path before quoting it in a warning: `x%0A::error::boom` becomes a second log
line that GitHub reads as a workflow command. Here every problem is found by `timeline check` too,
with its line and column: a link that carries a control character or line break (encoded, or a
raw line break), a relative link to a file the site does not have, a link to an anchor the page
does not have, and an image loaded from another host, which would tell that host who reads the
page. The same characters in prose are only text, and stay.

Most write-ups link to other entries and nothing else, so the check is regular expressions over
the text; Python-Markdown (as MkDocs configures it: toc, tables, fenced_code) renders a write-up
only to confirm a problem the expressions found, so that a link shown as code, or a heading whose
id they guessed wrong, is never reported. When unsure, nothing is reported.
"""

from __future__ import annotations

import difflib
import html
import posixpath
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from urllib.parse import unquote

from ..model import TIMELINE_PAGE
from ..model import actor_page as _actor_page
from ..model import tag_page as _tag_page
from ..where import Positions
from .anchors import _cheap_ids, _rendered, _written_ids

# --- what may not be in a link -----------------------------------------------------------------

# encoded C0 and C1 controls, DEL, and the line and paragraph separators: MkDocs decodes a link's
# path before it quotes the link in a warning, so each of these would break or forge a log line
_ENCODED_CONTROL = re.compile(
    r"%(?:[01][0-9A-Fa-f]|7[Ff]|[Cc]2%[89][0-9A-Fa-f]|[Ee]2%80%[Aa][89])", re.ASCII
)
# raw line breaks a link target may carry (the body check refuses every raw control character
# but tab and newline; U+2028 and U+2029 are fine in prose, not in a link)
_BREAKING = "\n\u2028\u2029"
_IN_TARGET = re.compile("[\t\n\r\u2028\u2029]")
_BREAK_NAMES = {"\u2028": "the line separator U+2028", "\u2029": "the paragraph separator U+2029"}
_BREAK = re.compile(r"[\t\n\r]")
_UNSAFE = re.compile(rf"{_ENCODED_CONTROL.pattern}|[\x00-\x1f\x7f-\x9f\u2028\u2029]")

# --- where links and images are ------------------------------------------------------------------

# an inline link's target: <anything on one line>, or up to white space or an unmatched ')'
_TARGET = re.compile(r"\(\s*(?:<([^<>\n]*)>|([^\s()]*(?:\([^\s()]*\)[^\s()]*)*))")
# Python-Markdown's own expression for a reference definition (blockprocessors.ReferenceProcessor)
_DEFINITION = re.compile(r"^[ ]{0,3}\[([^\[\]]*)\]:[ ]*(?:\n[ ]*)?([^\s]+)", re.MULTILINE)
_REFERENCE_IMAGE = re.compile(r"!\[([^\[\]]*)\](?:[ ]?\[([^\[\]]*)\])?")
_IMG = re.compile(r"<[Ii][Mm][Gg]([\s/][^<>]*)>")  # '<img/src=x>' is an image too
_ATTRIBUTE = re.compile(
    r"""(?:^|[\s/])([A-Za-z:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.ASCII
)

# the pages the plugin adds: a link to one is never to a file of the content folder
_GENERATED = (
    posixpath.dirname(TIMELINE_PAGE) + "/",
    posixpath.dirname(_actor_page("x")) + "/",
    _tag_page("x").split("/", 1)[0] + "/",
)
_SHOWN_MAX = 80
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_C0_AND_SPACE = "".join(map(chr, range(0x21)))


@dataclass(frozen=True, slots=True, eq=False)
class ContentFiles:
    """What a write-up's relative links may lead to.

    `paths`: every file of the content folder, relative to it with '/' separators
    ('events/2024/x.md', 'about.md', 'events/2024/map.png'), as MkDocs will publish them.
    `anchors_of`: for a content path, the anchor ids its page has (`anchor_ids` of its Markdown),
    or None when unknown; without it, anchors into other pages are not checked."""

    paths: Collection[str]
    anchors_of: Callable[[str], Collection[str] | None] | None = None


@dataclass(frozen=True, slots=True)
class _Link:
    offset: int  # where the target starts in the body
    target: str
    image: bool
    raw: bool = False  # an <img> of raw HTML, which MkDocs leaves alone (it resolves Markdown's)


def loads_from_elsewhere(url: str) -> bool:
    """Whether a browser would fetch `url` (an attribute value, entities decoded) from another
    host or by a scheme: anything but a path on this site. Read as browsers read it: leading and
    trailing spaces and controls ignored, tabs and line breaks removed, '\\' taken for '/'."""
    url = _BREAK.sub("", url.strip(_C0_AND_SPACE)).replace("\\", "/")
    return url.startswith("//") or _SCHEME.match(url) is not None


def link_problems(
    body: str, first_line: int, rel_path: str, content: ContentFiles | None = None
) -> list[tuple[int, int, str]]:
    """(line, column, message) for each link or image of the write-up that would break a log
    line, lead nowhere, or load something from another host. `rel_path` is the entry's path in
    the content folder; without `content`, links to other files are not checked."""
    problems: list[tuple[int, int, str]] = []
    where = Positions(body, first_line)

    def report(offset: int, message: str) -> None:
        problems.append((*where(offset), message))

    if "%" in body and (encoded := list(_ENCODED_CONTROL.finditer(body))):
        _check_encoded(body, encoded, report)
    if "]" not in body and "=" not in body:
        return problems
    links, breaks = _links(body)
    _check_images(links, report)
    if breaks:
        _check_breaks(body, breaks, report)
    _check_destinations(body, links, rel_path, content, report)
    return problems


# --- links and images ---------------------------------------------------------------------------


def _links(body: str) -> tuple[list[_Link], list[int]]:
    """Every link and image target the expressions find, in the order of the text; and where
    an inline link's target may carry a line break (the rendering decides)."""
    links, breaks, definitions = [], [], False
    close = body.find("]")  # one character: str.find is then several times faster than re
    while close >= 0:
        after = body[close + 1 : close + 2]
        if after == "(" and (target := _TARGET.match(body, close + 1)) is not None:
            group = 1 if target[1] is not None else 2
            if target[group]:
                links.append(
                    _Link(target.start(group), target[group].strip(), _is_image(body, close))
                )
                if _IN_TARGET.search(target[group]) or (
                    group == 2 and _breaks_after(body, target.end())
                ):
                    breaks.append(target.start(group))
        definitions = definitions or after == ":"
        close = body.find("]", close + 1)
    if definitions:
        _references(body, links)
    if "=" in body and "<" in body:
        for tag in _IMG.finditer(body):
            for attribute in _ATTRIBUTE.finditer(tag[1]):
                key = attribute[1].lower()
                if key not in ("src", "srcset"):
                    continue
                group = next(g for g in (2, 3, 4) if attribute[g] is not None)
                value = html.unescape(attribute[group])
                offset = tag.start(1) + attribute.start(group)
                for url in _srcset(value) if key == "srcset" else [value]:
                    links.append(_Link(offset, url, image=True, raw=True))
    links.sort(key=lambda link: link.offset)
    return links, breaks


def _breaks_after(body: str, end: int) -> bool:
    """Whether the text after a bare link target goes on over a line break before the link
    closes: Python-Markdown keeps the break in the target (a title may follow on a new line)."""
    rest = body[end : end + 200].lstrip(" \t")
    if not rest or rest[0] not in _BREAKING:
        return False
    rest = rest.lstrip()
    return bool(rest) and rest[0] not in "\"')"


def _references(body: str, links: list[_Link]) -> None:
    """Reference definitions ('[label]: target') and the images that use one."""
    definitions = {}
    for definition in _DEFINITION.finditer(body):
        label = " ".join(definition[1].split()).lower()
        if label.startswith("^"):
            continue  # a footnote (the footnotes extension), not a link
        target = definition[2].removeprefix("<").removesuffix(">")
        definitions.setdefault(label, target)
        links.append(_Link(definition.start(2), target, image=False))
    for image in _REFERENCE_IMAGE.finditer(body) if "![" in body else ():
        if image[2] is None and body.startswith("(", image.end()):
            continue  # an inline image, found above
        label = " ".join((image[2] or image[1]).split()).lower()
        if label in definitions:
            links.append(_Link(image.start(), definitions[label], image=True))


def _srcset(value: str) -> list[str]:
    """The URLs of a srcset: comma-separated candidates, each a URL and a size."""
    return [part.split()[0] for part in value.split(",") if part.split()]


def _is_image(body: str, close: int) -> bool:
    """Whether the ']' at `close` ends the alt text of an image: its '[' follows a '!'."""
    depth = 0
    for index in range(close, max(-1, close - 1000), -1):
        char = body[index]
        if char == "]":
            depth += 1
        elif char == "[":
            depth -= 1
            if depth == 0:
                return index > 0 and body[index - 1] == "!"
        elif char == "\n" and body.startswith("\n", index + 1):
            return False  # a blank line: the '[' is in no paragraph of this ']'
    return False


def _check_encoded(body: str, found: list[re.Match[str]], report) -> None:
    """Each encoded control character or line break of the text that a link or image of the
    rendered write-up carries (in prose or code, '%0A' is only text)."""
    carried = {
        code.upper()
        for _, target in _rendered(body).targets
        for code in _ENCODED_CONTROL.findall(target)
    }
    for match in found:
        if match[0].upper() in carried:
            char = unquote(match[0])
            report(
                match.start(),
                f"'{match[0]}' is an encoded control character or line break "
                f"(U+{ord(char):04X}); no link may carry one: remove it",
            )


def _check_breaks(body: str, breaks: list[int], report) -> None:
    """A link target that keeps a line break once rendered: MkDocs would quote it in a warning
    and start a new log line. Reported once, where the first link that may carry one is."""
    for _, target in _rendered(body).targets:
        if found := _IN_TARGET.search(target):
            char = found[0]
            if char in _BREAK_NAMES:
                message = f"this link's target contains {_BREAK_NAMES[char]}; remove it"
            else:
                message = "this link's target is split over two lines; write it on one line"
            report(breaks[0], message)
            return


def _check_images(links: list[_Link], report) -> None:
    """Images whose address is not a file of this site. (Other elements that load something,
    video, audio, iframe and the like, never reach a page: the sanitiser drops them.)"""
    for link in links:
        if link.image and loads_from_elsewhere(html.unescape(link.target)):
            report(
                link.offset,
                f"the image {_quoted(link.target)} would be loaded from another host; images must "
                "come from the repository: add the file next to the entry and use its name",
            )


# --- where links lead ---------------------------------------------------------------------------


def _check_destinations(
    body: str, links: list[_Link], rel_path: str, content: ContentFiles | None, report
) -> None:
    """Relative links to missing files and links to missing anchors, each confirmed on the
    rendered write-up before it is reported."""
    suspects: list[tuple[_Link, str]] = []
    here = posixpath.dirname(rel_path)
    ids: frozenset[str] | None = None
    for link in links:
        if link.raw or _UNSAFE.search(link.target):
            continue  # raw HTML (MkDocs leaves its links alone), or refused above
        if _SCHEME.match(link.target) or link.target.startswith(("/", "\\")):
            continue  # another site's, or absolute (MkDocs leaves those alone)
        # urlsplit of a link without scheme or host, as MkDocs reads it (several times faster)
        before, _, fragment = link.target.partition("#")
        path = unquote(before.partition("?")[0])
        target = posixpath.normpath(posixpath.join(here, path).lstrip("/")) if path else rel_path
        if target == rel_path and fragment and not _footnote(fragment):
            if ids is None:
                ids = _cheap_ids(body)
            if fragment not in ids:
                suspects.append((link, _no_anchor(fragment, None)))
            continue
        if content is None or not path or not posixpath.splitext(path)[1]:
            continue  # no files to check against, or a folder (MkDocs only logs those as info)
        if target not in content.paths:
            if _checked(target, rel_path):
                suspects.append((link, _missing(link.target, target, here, content.paths)))
        elif fragment and content.anchors_of is not None and not _footnote(fragment):
            anchors = content.anchors_of(target)
            if anchors is not None and fragment not in anchors:
                suspects.append((link, _no_anchor(fragment, target)))
    if not suspects:
        return
    rendered = _rendered(body)
    targets = {target for _, target in rendered.targets}
    known = rendered.ids | _written_ids(body)
    for link, message in suspects:
        if link.target not in targets:
            continue  # not a link once rendered (shown as code, say)
        fragment = link.target.partition("#")[2]
        if message.startswith(_NO_ANCHOR_HERE) and fragment in known:
            continue
        if message.startswith(_NO_ANCHOR_HERE):
            message += _suggestion(fragment, sorted(rendered.headings), "#")
        report(link.offset, message)


def _checked(target: str, rel_path: str) -> bool:
    """Whether a missing target is certainly missing: a Markdown page outside the pages the
    plugin adds, or any file in the entry's own folder tree (where nothing is generated)."""
    if target.endswith(".md"):
        return not target.startswith(_GENERATED)
    top = rel_path.split("/", 1)[0] + "/"
    return "/" in rel_path and target.startswith(top)


def _footnote(fragment: str) -> bool:
    return fragment.startswith(("fn:", "fnref"))  # the footnotes extension's, when enabled


_NO_ANCHOR_HERE = "the link '#"


def _no_anchor(fragment: str, target: str | None) -> str:
    if target is None:
        return f"{_NO_ANCHOR_HERE}{_shown(fragment)}' leads to no heading or anchor of this page"
    return f"the link's anchor '#{_shown(fragment)}' is no heading or anchor of '{target}'"


def _missing(link: str, target: str, here: str, paths: Collection[str]) -> str:
    message = f"the link {_quoted(link)} leads to '{_shown(target)}', which does not exist"
    folder = posixpath.dirname(target)
    siblings = [p for p in paths if posixpath.dirname(p) == folder]
    close = difflib.get_close_matches(target, siblings, n=1, cutoff=0.8)
    if close:
        message += f"; did you mean '{posixpath.relpath(close[0], here or '.')}'?"
    return message


def _suggestion(wrong: str, known: list[str], prefix: str) -> str:
    close = difflib.get_close_matches(wrong, known, n=1, cutoff=0.7)
    return f"; did you mean '{prefix}{close[0]}'?" if close else ""


# --- showing text in a message ------------------------------------------------------------------


def _shown(text: str) -> str:
    return text if len(text) <= _SHOWN_MAX else text[: _SHOWN_MAX - 1] + "…"


def _quoted(text: str) -> str:
    return f"'{_shown(text)}'"
