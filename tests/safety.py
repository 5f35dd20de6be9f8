"""What a browser, a feed reader or a spreadsheet would make of a built site: live markup, links
that run code, and the text a reader sees, for every page and every export in `site/`.

Hostile test values carry the marker `tlx` (`<tlx>`, `" tlx="1`, `onerror=tlx()`): wherever the
marker turns up as an element, an attribute, a handler or script, contributor text became markup.
HTML is parsed with html5lib, which follows the WHATWG algorithm browsers use, so an escape that
only fools a lenient parser is still found.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import html5lib

MARK = "tlx"
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "data", "cite", "background"}
NEVER = {"iframe", "frame", "object", "embed", "base", "applet"}
# attributes whose URL a browser fetches as the page loads: none may name another host
LOADING = {"src", "srcset", "poster", "data", "background"}
DATA_SCRIPTS = {"application/ld+json", "application/json"}
# strings in MkDocs' and mkdocs-material's own JSON that their JavaScript inserts as HTML
HTML_JSON_KEYS = {
    "search/search_index.json": {"title", "text", "tags"},
    "tags.json": {"title", "tags"},
    # TimelineJS3 inserts these as HTML (the export escapes them for that)
    "timelinejs.json": {"headline", "text", "group", "display_date"},
}
# what a spreadsheet reads as a formula (OWASP "CSV injection")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1].lower()


def _bad_url(value: str) -> bool:
    # browsers drop ASCII whitespace and control characters anywhere in a scheme
    squeezed = re.sub(r"[\x00-\x20]+", "", value).lower()
    return squeezed.startswith(("javascript:", "vbscript:", "data:"))


def _external(href: str, host: str | None) -> bool:
    try:
        parts = urlsplit(href.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and parts.hostname != host


def _loads_from_elsewhere(value: str, host: str | None) -> bool:
    """Whether a URL attribute (a srcset: any of its URLs) makes a browser fetch from another
    host, read as browsers read it (spaces around and tabs and line breaks inside ignored, '\\'
    taken for '/')."""
    for candidate in value.split(","):
        url = re.sub(r"[\t\n\r]", "", candidate.strip("\x00\x01 \t\n\r\x0c")).replace("\\", "/")
        url = url.split()[0] if url.split() else ""
        try:
            parts = urlsplit(url)
        except ValueError:
            return True
        if (parts.scheme or url.startswith("//")) and parts.hostname != host:
            return True
    return False


def element_findings(root: ET.Element, where: str, host: str | None = None) -> list[str]:
    """Live markup under a parsed element tree (an HTML document or fragment)."""
    found = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # comments
        tag = _local(element.tag)
        if MARK in tag:
            found.append(f"{where}: element <{tag}> made from content")
        if tag in NEVER and not _embed_base(element):
            found.append(f"{where}: <{tag}> element")
        if tag == "script" and element.get("type", "").lower() in DATA_SCRIPTS:
            # JSON-LD and the like carry content as data: it must stay inside and parse
            try:
                json.loads(element.text or "")
            except ValueError:
                found.append(f"{where}: a {element.get('type')} script that does not parse")
        elif tag == "script" and MARK in (element.text or "") + element.get("src", ""):
            found.append(f"{where}: a script made from content")
        if tag == "style" and MARK in (element.text or ""):
            found.append(f"{where}: a style sheet made from content")
        if tag == "meta" and element.get("http-equiv", "").lower() == "refresh":
            found.append(f"{where}: <meta http-equiv=refresh>")
        for name, value in element.attrib.items():
            attribute = _local(name)
            if MARK in attribute:
                found.append(f"{where}: attribute {attribute!r} on <{tag}> made from content")
            if attribute.startswith("on"):
                found.append(f"{where}: event handler {attribute}={value!r} on <{tag}>")
            if attribute == "style" and MARK in value:
                found.append(f"{where}: style attribute made from content on <{tag}>")
            if attribute in URL_ATTRIBUTES and _bad_url(value):
                found.append(f"{where}: {attribute}={value!r} on <{tag}>")
            elif attribute in LOADING and _loads_from_elsewhere(value, host):
                found.append(f"{where}: {attribute}={value!r} on <{tag}> loads from another host")
        if tag == "a" and _external(element.get("href", ""), host):
            if "noopener" not in element.get("rel", "").split():
                found.append(f"{where}: external link {element.get('href')!r} without noopener")
    return found


def parse_html(text: str) -> ET.Element:
    return html5lib.parse(text, treebuilder="etree", namespaceHTMLElements=False)


def parse_fragment(text: str) -> ET.Element:
    wrapper = ET.Element("fragment")
    for node in html5lib.parseFragment(text, treebuilder="etree", namespaceHTMLElements=False):
        wrapper.append(node)
    return wrapper


def html_findings(text: str, where: str, host: str | None = None) -> list[str]:
    return element_findings(parse_html(text), where, host)


def fragment_findings(text: str, where: str, host: str | None = None) -> list[str]:
    return element_findings(parse_fragment(text), where, host)


def xml_findings(text: str, where: str, host: str | None = None) -> list[str]:
    """An XML file must parse; elements with HTML in them (Atom type="html", RSS description)
    are parsed as HTML and checked; XHTML content is checked as elements."""
    try:
        root = ET.fromstring(text)
    except ET.ParseError as error:
        return [f"{where}: not well-formed XML ({error})"]
    found = []
    for element in root.iter():
        tag = _local(element.tag)
        if MARK in tag:
            found.append(f"{where}: XML element <{tag}> made from content")
        if element.get("type") == "html" or tag in ("description", "encoded"):
            found += fragment_findings(element.text or "", f"{where} <{tag}>", host)
        if element.get("type") == "xhtml":
            found += element_findings(element, f"{where} <{tag}>", host)
    return found


def json_strings(data: object, key: str = "") -> Iterator[tuple[str, str]]:
    """(key, string) for every string in a JSON document; list items carry their list's key."""
    if isinstance(data, str):
        yield key, data
    elif isinstance(data, list):
        for item in data:
            yield from json_strings(item, key)
    elif isinstance(data, dict):
        for name, value in data.items():
            yield from json_strings(value, name)


def json_findings(text: str, where: str, host: str | None = None) -> list[str]:
    """Strings that are HTML (keys ending in `_html`, as in JSON Feed, and the keys the theme
    inserts as HTML) are checked as HTML; other strings are data and cannot be live."""
    try:
        data = json.loads(text)
    except ValueError as error:
        return [f"{where}: not valid JSON ({error})"]
    html_keys = next((keys for name, keys in HTML_JSON_KEYS.items() if where.endswith(name)), ())
    found = []
    for key, value in json_strings(data):
        if key.endswith("_html") or key in html_keys:
            found += fragment_findings(value, f"{where} {key!r}", host)
    return found


def csv_findings(text: str, where: str, host: str | None = None) -> list[str]:
    return [
        f"{where}: cell {cell!r} would run as a spreadsheet formula"
        for row in csv.reader(io.StringIO(text))
        for cell in row
        if cell.startswith(FORMULA_START) and MARK in cell
    ]


def ics_findings(text: str, where: str, host: str | None = None) -> list[str]:
    # a calendar is text; what can go wrong is a value breaking out of its line into a property
    return [
        f"{where}: a property made from content" for line in text.splitlines() if line[:3] == MARK
    ]


CHECKS = {
    ".html": html_findings,
    ".xml": xml_findings,
    ".json": json_findings,
    ".csv": csv_findings,
    ".ics": ics_findings,
}


def output_files(site_dir: Path) -> Iterator[Path]:
    """Every file of a built site that carries content: pages, feeds, data, calendars."""
    for path in sorted(site_dir.rglob("*")):
        if path.suffix in CHECKS and "assets" not in path.relative_to(site_dir).parts[:1]:
            yield path


def _embed_base(element: ET.Element) -> bool:
    """The embed pages' own `<base target="_blank">` (links open in a new tab, not in the
    host's frame): no address, so nothing it could redirect."""
    return _local(element.tag) == "base" and dict(element.attrib) == {"target": "_blank"}


def site_findings(site_dir: Path, host: str | None = None) -> list[str]:
    """Every piece of live markup or unsafe link in a built site (empty when it is safe)."""
    found = []
    for path in output_files(site_dir):
        where = path.relative_to(site_dir).as_posix()
        found += CHECKS[path.suffix](path.read_text(encoding="utf-8"), where, host)
    return found


def text_of(element: ET.Element) -> str:
    """The text a reader sees in an element, whitespace collapsed as a browser shows it."""
    return " ".join("".join(element.itertext()).split())


def squash(text: str) -> str:
    return " ".join(text.split())
