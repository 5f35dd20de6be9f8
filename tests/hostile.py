"""A catalogue of hostile and careless entry files, each with what must happen to it:
the problems reported (file:line:column: field: message) or, for odd but valid input, publication.

`HTML` is text that becomes markup if anything on its way to a page, feed or JSON file forgets to
escape it; its marker `tlx` is what `safety.py` looks for in the output.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from conftest import ACTORS, MKDOCS_YML, Site, entry

HTML = (
    "</title><tlx>\"'><script>tlx()</script><img src=x onerror=tlx()>"
    '<a href="javascript:tlx()">&amp;</a> " tlx="1 \' tlx=\'1 ]]><!-- {{ 7*7 }}'
)
RTL = "كيم جونغ أون يلتقي بوتين 🇰🇵🤝🇷🇺 שלום \u200f(עברית)\u200f 👩🏽‍⚕️"


def q(text: str) -> str:
    """A YAML single-quoted scalar."""
    return "'" + text.replace("'", "''") + "'"


def sources(url: str = "https://apnews.com/article/x", publisher: str = "AP") -> str:
    return f"\n  - publisher: {publisher}\n    url: {url}\n"


@dataclass(frozen=True)
class Case:
    """One file under content/events/, and what `timeline check` and `mkdocs build` must say."""

    name: str
    path: str
    content: bytes
    problems: tuple[str, ...] = ()
    """Fragments of the expected problem lines, each 'line:column: field: message'."""
    title: str | None = None
    """For a valid case: the title it is published under."""

    @property
    def valid(self) -> bool:
        return not self.problems


def text(name: str, path: str, body: str, *problems: str, title: str | None = None) -> Case:
    return Case(name, path, body.encode("utf-8"), problems, title)


FIVE_MB = (
    ("North Korean troops were reported near Kursk, officials said. " * 16)[:998] + "\n\n"
) * 5000
BRACKETS = "[" * 20_000  # Python-Markdown needs a minute for this one paragraph

INVALID = [
    text(
        "a YAML tag that constructs an object",
        "2024/2024-10-01-object-tag.md",
        entry(title="!!python/object/apply:os.system ['touch tlx-pwned']"),
        "2:8: title: the YAML tag !!python/object/apply:os.system is not allowed",
    ),
    text(
        "an alias bomb",
        "2024/2024-10-02-alias-bomb.md",
        entry(
            extra="a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
            "c: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c]"
        ),
        "7:8: b[0]: YAML aliases (*name) are not allowed",
    ),
    text(
        "front matter that is a list",
        "2024/2024-10-03-list.md",
        "---\n- title: A list\n- date: 2024-10-03\n---\nBody\n",
        "2:1: front matter: the front matter is a list, not a set of 'field: value' lines",
    ),
    text(
        "front matter that is a scalar",
        "2024/2024-10-04-scalar.md",
        "---\njust a sentence\n---\nBody\n",
        "2:1: front matter: the front matter is a single value",
    ),
    text(
        "a missing closing ---",
        "2024/2024-10-05-unclosed.md",
        "---\ntitle: Unclosed\ndate: 2024-10-05\n\nThe body starts here.\n",
        "6:1: front matter: the front matter is not closed",
    ),
    text(
        "an empty file",
        "2024/2024-10-06-empty.md",
        "",
        "1:1: front matter: the file is empty",
    ),
    Case(
        "a file that is not UTF-8",
        "2024/2024-10-07-latin1.md",
        entry(title="Caf\u00e9 talks").encode("latin-1"),
        ("2:11: encoding: the file is not UTF-8 (byte 0xe9",),
    ),
    text(
        "a 5 MB body",
        "2024/2024-10-08-five-mb.md",
        entry(title="Five megabytes", body=FIVE_MB),
        # the body is everything after the closing '---': a blank line, the text, a newline
        f"10:1: body: the write-up is {len(FIVE_MB) + 2:,} characters long; keep it under 100,000",
    ),
    text(
        "a paragraph Python-Markdown takes minutes over",
        "2024/2024-10-09-brackets.md",
        entry(title="Brackets", body=BRACKETS),
        "11:1: body: this paragraph is 20,001 characters long",
    ),
    text(
        "a short paragraph of brackets, as slow to parse",
        "2024/2024-10-09-short-brackets.md",
        entry(title="Short brackets", body="Intro.\n\n" + "[" * 7_000),
        "13:1: body: this paragraph has 7,000 '[' (at most 100",
    ),
    text(
        "tabs indenting YAML",
        "2024/2024-10-10-tabs.md",
        "---\ntitle: Tabs\n\tdate: 2024-10-10\n---\n",
        "3:1: front matter: YAML error: found a tab character that violates indentation; "
        "indent with spaces, not tabs",
    ),
    text(
        "a duplicate key",
        "2024/2024-10-11-duplicate-key.md",
        entry(title="First title", extra="title: Second title"),
        "6:1: title: 'title' is given twice; keep one",
    ),
    text(
        "a date given as a number",
        "2024/2024-10-12-number-date.md",
        entry(date="20241012"),
        "3:7: date: '20241012' is a number, not a date",
    ),
    text(
        "a date given as a YAML timestamp without offset",
        "2024/2024-10-13-timestamp.md",
        entry(date="2024-10-13 14:30:00"),
        "3:7: date: '2024-10-13 14:30:00' has a time but no UTC offset",
    ),
    text(
        "a date in year 0",
        "2024/2024-10-14-year-zero.md",
        entry(date="0000-01-01"),
        "3:7: date: '0000-01-01' is not a date (year 0; years run 1–9999)",
    ),
    text(
        "a date in year 10000",
        "2024/2024-10-15-year-10000.md",
        entry(date="10000-01-01"),
        "3:7: date: '10000-01-01': the year must have four digits",
    ),
    text(
        "a time whose UTC instant is in year 10000",
        "2024/2024-10-16-past-9999.md",
        entry(date="9999-12-31T23:30-01:00"),
        "3:7: date: '9999-12-31T23:30-01:00' falls outside the years 1–9999 in UTC",
    ),
    text(
        "end before date",
        "2024/2024-10-17-end-before.md",
        entry(date="2024-10-17", extra="end: 2024-10-16"),
        "6:6: end: ends (2024-10-16) before it starts (2024-10-17)",
    ),
    text(
        "an unknown status",
        "2024/2024-10-18-status.md",
        entry(extra="status: rumoured"),
        "6:9: status: 'rumoured' is not a status",
    ),
    text(
        "an empty actors list",
        "2024/2024-10-19-no-actors.md",
        entry(actors="[]"),
        "4:1: actors: needs at least one actor id from the registry",
    ),
    text(
        "a duplicate event id (this first file is published; the other is in 2025/)",
        "2024/2024-10-20-same-id.md",
        entry(title="Same id, 2024 folder", date="2024-10-20"),
        title="Same id, 2024 folder",
    ),
    text(
        "the second file with that id",
        "2025/2024-10-20-same-id.md",
        entry(title="Same id, 2025 folder"),
        "1:1: id: event id '2024-10-20-same-id' is already used by "
        "content/events/2024/2024-10-20-same-id.md",
    ),
    text(
        "a javascript: source URL",
        "2024/2024-10-21-javascript-url.md",
        entry(sources=sources("javascript:alert(document.domain)")),
        "8:10: sources[0].url: 'javascript:' links are not allowed",
    ),
    text(
        "a data: source URL",
        "2024/2024-10-22-data-url.md",
        entry(sources=sources("'data:text/html,<script>tlx()</script>'")),
        "8:10: sources[0].url: 'data:' links are not allowed",
    ),
    text(
        "a source URL without a scheme",
        "2024/2024-10-23-no-scheme.md",
        entry(sources=sources("www.example.com/story")),
        "8:10: sources[0].url: a link without https:// is not allowed",
    ),
    text(
        "a source URL that urllib cannot split",
        "2024/2024-10-24-broken-url.md",
        entry(sources=sources("'http://[::1/story'")),
        "8:10: sources[0].url: 'http://[::1/story' is not a link (Invalid IPv6 URL)",
    ),
    text(
        "a control character and a newline meant for the CI log",
        "2024/2024-10-25-control.md",
        entry(
            title='"Bell \\a ring"',
            actors='["nobody\\n::error file=x.py::forged"]',
        ),
        "2:8: title: contains the control character U+0007",
        "4:10: actors[0]: unknown actor 'nobody\\n::error file=x.py::forged'",
    ),
    text(
        "a Markdown file with the wrong suffix",
        "2024/2024-10-26-suffix.markdown",
        entry(title="Wrong suffix"),
        "1:1: file: an entry's file name must end in '.md'",
    ),
    text(
        "an upper-case suffix MkDocs would copy as it is",
        "2024/2024-10-27-upper.MD",
        entry(title="Upper case"),
        "1:1: file: an entry's file name must end in '.md'",
    ),
    text(
        "a file name that cannot be a link",
        "2024/2024-10-28 what?#.md",
        entry(title="Odd name"),
        "1:1: file: '2024-10-28 what?#.md' cannot be an event id",
    ),
    # round two: values
    text(
        "a span written with a slash (dateutil: 20:24 at UTC-02:00)",
        "2024/2024-12-01-values-slash-span.md",
        entry(date="2024-10-31/2024-11-02"),
        "3:7: date: '2024-10-31/2024-11-02' looks like a span; write the first date in `date:` "
        "and the last in `end:`",
    ),
    text(
        "a slash span ending before it starts (dateutil: ValueError)",
        "2024/2024-12-02-values-slash-backwards.md",
        entry(date="2024-10-31/2024-10-30"),
        "3:7: date: '2024-10-31/2024-10-30' looks like a span",
    ),
    text(
        "a UTC offset of 99 hours (dateutil: ValueError)",
        "2024/2024-12-03-values-offset-99.md",
        entry(date="'31 Oct 2024 14:30 +99:00'"),
        "3:7: date: '31 Oct 2024 14:30 +99:00': the UTC offset is out of range (at most ±14:00)",
    ),
    text(
        "GMT+3, which dateutil reads as UTC-03:00",
        "2024/2024-12-04-values-gmt-plus-3.md",
        entry(date="'31 Oct 2024 14:30 GMT+3'"),
        "3:7: date: '31 Oct 2024 14:30 GMT+3' is ambiguous: GMT+3 means UTC+03:00 to some "
        "software and the opposite to others; write the offset alone, e.g. 14:30 +03:00",
    ),
    text(
        "a two-digit year",
        "2024/2024-12-05-values-two-digit-year.md",
        entry(date="'Oct 31, 24'"),
        "3:7: date: 'Oct 31, 24' has no four-digit year",
    ),
    text(
        "numbers in text fields, published as written (0x10 was '16', 007 was '7')",
        "2024/2024-12-06-values-numbers.md",
        entry(
            title="0x10",
            date="2024-12-06",
            extra="location: 007\ntags: [017, 1.0e+3]",
        ),
        title="0x10",
    ),
    text(
        "a title of 4,000 hexadecimal digits (int() made a number Python would not print)",
        "2024/2024-12-07-values-huge-number.md",
        entry(title="0x" + "f" * 4000),
        "2:8: title: is 4,002 characters long; keep it to one line of at most 500 characters",
    ),
    text(
        "a number where true or false belongs",
        "2024/2024-12-08-values-number-bool.md",
        entry(extra="key: 1"),
        "6:6: key: '1' is not true or false",
    ),
    text(
        "tags nested 600 deep (RecursionError)",
        "2024/2024-12-09-values-deep.md",
        entry(extra="tags: " + "[" * 600 + "]" * 600),
        "6:27: tags: lists and 'field: value' sets nested more than 20 deep are not allowed",
    ),
    text(
        "a line separator hiding a second field from an editor",
        "2024/2024-12-10-values-line-separator.md",
        entry(title="Innocent\u2028status: denied"),
        "2:16: front matter: the character U+2028 (line separator) is not allowed: YAML reads it "
        "as a line break that editors may not show; remove it",
    ),
    text(
        "a next-line character (U+0085) in the summary",
        "2024/2024-12-11-values-next-line.md",
        entry(summary="One line\x85two lines"),
        "5:18: front matter: the character U+0085 (next line) is not allowed",
    ),
    text(
        "a raw escape character (PyYAML reported it at 2:1)",
        "2024/2024-12-12-values-raw-control.md",
        entry(summary="Fine \x1b[2J cleared"),
        "5:15: front matter: the control character U+001B is not allowed; remove it",
    ),
    text(
        "2,000 tags, which made 2,120 pages",
        "2024/2024-12-13-values-many-tags.md",
        entry(extra="tags: [" + ", ".join(f"t{i}" for i in range(2000)) + "]"),
        "6:1: tags: has 2,000 tags; at most 20",
    ),
    text(
        "31 sources",
        "2024/2024-12-14-values-many-sources.md",
        entry(sources=sources() * 31),
        "6:1: sources: has 31 sources; at most 30",
    ),
    # round two: write-ups
    text(
        "a snippet that would publish the build machine's .git/config",
        "2024/2024-12-01-snippet.md",
        entry(title="Snippet", body='Intro.\n\n--8<-- ".git/config"\n\n;-8<-\n.env\n-8<-'),
        "13:1: body: '--8<--' includes another file; the write-up must be written out here",
        "15:2: body: '-8<-' includes another file",
        "17:1: body: '-8<-' includes another file",
    ),
    text(
        "markers in a write-up, one with 5,000 digits (int() refuses them: the build crashed)",
        "2024/2024-12-02-markers.md",
        entry(
            title="Markers",
            body="<!-- timeline:latest " + "5" * 5000 + " -->\n\nText <!-- timeline:key-events -->",
        ),
        "11:1: body: '<!-- timeline:latest -->' is a marker for the site's own pages; "
        "a write-up cannot use one: remove it",
        "13:6: body: '<!-- timeline:key-events -->' is a marker for the site's own pages",
    ),
    text(
        "a link whose encoded newline would forge a line in MkDocs' own warning",
        "2024/2024-12-03-forged-link.md",
        entry(title="Forged link", body="See [x](x%0A::error%20file=forged.py,line=1::boom)."),
        "11:10: body: '%0A' is an encoded control character or line break (U+000A); "
        "no link may carry one: remove it",
    ),
    text(
        "a link target over a line break, which Python-Markdown keeps in the link",
        "2024/2024-12-04-broken-link.md",
        entry(title="Broken link", body="See [y](a\n::error::boom.md) here."),
        "11:9: body: this link's target is split over two lines; write it on one line",
    ),
    text(
        "a link to an anchor the write-up does not have",
        "2024/2024-12-05-anchor.md",
        entry(title="Anchor", body="## Background\n\nSee [above](#backround)."),
        "13:13: body: the link '#backround' leads to no heading or anchor of this page; "
        "did you mean '#background'?",
    ),
    text(
        "images from another host, which would learn who reads the page",
        "2024/2024-12-06-remote-images.md",
        entry(
            title="Remote images",
            body='![map](https://example.com/map.png)\n\n<img alt="x" src="//example.com/x.png">',
        ),
        "11:8: body: the image 'https://example.com/map.png' would be loaded from another host; "
        "images must come from the repository",
        "13:19: body: the image '//example.com/x.png' would be loaded from another host",
    ),
    text(
        "a link to an entry the site does not have (MkDocs' strict build alone saw it)",
        "2024/2024-12-08-missing-link.md",
        entry(title="Missing link", body="See [x](2024-10-30-nowhere.md)."),
        "11:9: body: the link '2024-10-30-nowhere.md' leads to "
        "'events/2024/2024-10-30-nowhere.md', which does not exist",
    ),
    text(
        "lists nested 3,000 deep on one line: Python-Markdown's RecursionError crashed the build",
        "2024/2024-12-07-nested-lists.md",
        entry(title="Nested lists", body="- " * 3000 + "x"),
        "11:1: body: this line opens 3,000 lists one inside the other (at most 50); "
        "the site's Markdown cannot render that, write it flat",
    ),
    text(
        "an unknown place, a place as text, and too many places",
        "2024/2024-12-08-places.md",
        entry(title="Places", extra="places: [far-eats, '', {x: 1}]\nlocation: x"),
        "6:10: places[0]: unknown place 'far-eats'; did you mean 'far-east'?",
        "6:20: places[1]: a place must be an id or alias from content/places.yml",
        "6:24: places[2]: a place must be an id or alias from content/places.yml",
    ),
    text(
        "an image from another site, a script link as its source, a path out of the folder",
        "2024/2024-12-11-image-remote.md",
        entry(
            title="Remote image",
            extra="image:\n  src: https://example.com/tlx.png\n  alt: x\n  credit: x\n"
            "  source: javascript:tlx()",
        ),
        "7:8: image.src: 'https://example.com/tlx.png' is on another site",
        "10:11: image.source: 'javascript:' links are not allowed",
    ),
    text(
        "an image that is not one",
        "2024/2024-12-12-image-fake.md",
        entry(title="Fake image", extra="image:\n  src: map.png\n  alt: x\n  credit: x"),
        "7:8: image.src: 'map.png' is not an image that can be read",
    ),
    text(
        "places written as one string",
        "2024/2024-12-09-place-string.md",
        entry(title="Place string", extra="places: far-east"),
        "6:9: places: must be a list, e.g. [far-east]",
    ),
    text(
        "more places than an entry may name",
        "2024/2024-12-10-place-flood.md",
        entry(title="Place flood", extra="places: [" + ", ".join(["far-east"] * 21) + "]"),
        "6:1: places: has 21 places; at most 20",
    ),
]

# figures and claims (check/quantities.py, check/claims.py): numbers that are not counts, lists
# that are not lists, ids that lead nowhere
INVALID += [
    text(
        "a figure of 1e309, NaN and a number of 5,000 digits",
        "2024/2024-12-10-figure-numbers.md",
        entry(
            title="Figure numbers",
            date="2024-12-10",
            extra="figures:\n  - {measure: killed, value: 1e309, by: nis}\n"
            "  - {measure: killed, value: .nan, by: nis}\n"
            f"  - {{measure: killed, value: {'9' * 5000}, by: nis}}\n"
            "  - {measure: killed, low: -1, high: 2, by: nis}",
        ),
        "7:30: figures[0].value: '1e309' is not a number",
        "8:30: figures[1].value: '.nan' is not a number",
        "9:30: figures[2].value: '99999999999999999999999999999999999999… is not a number",
        "10:28: figures[3].low: '-1' is negative",
    ),
    text(
        "figures that are text, nested lists and a figure naming HTML",
        "2024/2024-12-11-figure-shapes.md",
        entry(
            title="Figure shapes",
            date="2024-12-11",
            extra=f"figures: {q(HTML)}\nfollows: [[[[x]]]]",
        ),
        "6:10: figures: must be a list of entries",
        "7:11: follows[0]: each entry must be a set of 'field: value' lines",
    ),
    text(
        "a figure of an unknown measure and a note of 5,000 characters",
        "2024/2024-12-12-figure-measure.md",
        entry(
            title="Figure measure",
            date="2024-12-12",
            extra="figures:\n  - {measure: kiled, value: 1, by: nis}\n"
            f"  - {{measure: killed, value: 1, by: nis, note: {'n' * 5000}}}",
        ),
        "8:48: figures[1].note: is 5,000 characters long",
    ),
    text(
        "a figure of an unknown measure, found once every entry is read",
        "2024/2024-12-13-figure-unknown.md",
        entry(
            title="Figure unknown",
            date="2024-12-13",
            extra="figures:\n  - {measure: kiled, value: 1, by: nis}",
        ),
        "7:15: figures[0].measure: unknown measure 'kiled'; did you mean 'killed'?",
    ),
    text(
        "an event that follows itself, and one that follows a later event",
        "2024/2024-12-14-follows-itself.md",
        entry(
            title="Follows itself",
            date="2024-12-14",
            extra="follows:\n  - {event: 2024-12-14-follows-itself, as: confirms}\n"
            "  - {event: 2024-12-31-later, as: denies}",
        ),
        "7:13: follows[0].event: an event cannot follow itself",
        "8:13: follows[1].event: '2024-12-31-later' is not a published event's id",
    ),
]

VALID = [
    Case(
        "a UTF-8 byte order mark",
        "2024/2024-11-01-bom.md",
        b"\xef\xbb\xbf" + entry(title="Byte order mark", date="2024-11-01").encode(),
        title="Byte order mark",
    ),
    Case(
        "CRLF line endings",
        "2024/2024-11-02-crlf.md",
        entry(title="Windows line endings", date="2024-11-02").replace("\n", "\r\n").encode(),
        title="Windows line endings",
    ),
    text(
        "HTML and <script> in every text field",
        "2024/2024-11-03-html.md",
        entry(
            title=q("Title " + HTML),
            date="2024-11-03",
            actors="[html-actor, north-korea]",
            summary=q("Summary " + HTML),
            extra=f"location: {q('Place ' + HTML)}\ntags: [{q('tag ' + HTML)}, plain]\n"
            "places: [html-place, far-east]\n"
            f"updates:\n  - date: 2024-11-04\n    note: {q('Note ' + HTML)}",
            sources=sources(
                "'https://example.com/?q=\"><tlx>&a=1'", publisher=q("Publisher " + HTML)
            )
            + f"    title: {q('Headline ' + HTML)}\n"
            f"    archived: {q('https://web.archive.org/web/2024/https://example.com/<tlx>')}\n",
            body="## Heading <tlx>\n\n" + HTML + '\n\n<div onmouseover="tlx()">div</div>\n\n'
            "[link](javascript:tlx()) [out](https://example.com/out) <tlx-element>\n\n"
            '<iframe src="https://example.com"></iframe><form action="x"><input></form>\n',
        ),
        title="Title " + HTML,
    ),
    text(
        "HTML in every text of an image",
        "2024/2024-11-04-html-image.md",
        entry(
            title="HTML image",
            date="2024-11-04",
            extra=f"image:\n  src: real.png\n  alt: {q('Alt ' + HTML)}\n"
            f"  caption: {q('Caption ' + HTML)}\n  credit: {q('Credit ' + HTML)}\n"
            f"  license: {q('Licence ' + HTML)}\n"
            "  source: 'https://example.com/?q=\"><tlx>'",
        ),
        title="HTML image",
    ),
    text(
        "right-to-left and emoji text",
        "2024/2024-11-05-rtl.md",
        entry(
            title=q(RTL),
            date="2024-11-05",
            summary=q(RTL + "."),
            extra=f"location: {q('بيونغ يانغ')}\ntags: [{q('كوريا')}, 🇰🇵]",
        ),
        title=RTL,
    ),
    text(
        "a figure whose note and source are HTML, by an alias",
        "2024/2024-11-07-figure-html.md",
        entry(
            title="Figure with HTML",
            date="2024-11-07",
            actors="[html-actor]",
            extra="figures:\n"
            f"  - {{measure: html-measure, value: 11000, qualifier: about,"
            f" by: {q('Alias ' + HTML)}, note: {q('Note ' + HTML)}, as_of: 2024-10}}\n"
            "follows:\n  - {event: 2024-11-03-html, as: disputes}",
        ),
        title="Figure with HTML",
    ),
    text(
        "a draft",
        "2024/2024-11-06-draft.md",
        entry(title="A draft", date="2024-11-06", extra="draft: true"),
    ),
    text(
        "the first day a date can have",
        "0001/0001-01-01-year-one.md",
        entry(title="Year one", date="0001-01-01"),
        title="Year one",
    ),
    text(
        "the last day a date can have",
        "9999/9999-12-31-year-9999.md",
        entry(title="Year 9999", date="9999-12-31T23:59+14:00", extra="end: 9999-12-31"),
        title="Year 9999",
    ),
    text(
        "a YAML timestamp with an offset",
        "2024/2024-11-09-timestamp.md",
        entry(title="Timestamp", date="2024-11-09T14:30:00Z"),
        title="Timestamp",
    ),
    text(
        "HTML in a source URL",
        "2024/2024-11-11-html-url.md",
        entry(
            title="HTML in a URL",
            date="2024-11-11",
            sources=sources(q('https://example.com/"><tlx>')),
        ),
        title="HTML in a URL",
    ),
    text(
        "a good entry",
        "2024/2024-11-10-good.md",
        entry(title="A good entry", date="2024-11-10"),
        title="A good entry",
    ),
]

# files in the events folder that are not entries: MkDocs would copy them into the site as they
# are, so anything but an image is reported and left out (an .html or .svg file is live markup)
STRAYS = {
    "2024/stored-xss.html": b"<!doctype html><script>tlx()</script>",
    "2024/map.svg": b'<svg xmlns="http://www.w3.org/2000/svg" onload="tlx()"/>',
    "2024/notes.txt": b"Unreviewed notes",
}
STRAY_PROBLEM = "1:1: file: '{name}' is not published: the events folder holds entries (.md)"
IMAGE = ("2024/map.png", b"\x89PNG\r\n\x1a\n")
REAL_IMAGE = (  # a 2×2 PNG, for an entry's image
    "2024/real.png",
    bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000002000000020802000000fdd49a730000001649444154789c"
        "6354324e63606060626060606060000008aa00bfa31272dc0000000049454e44ae426082"
    ),
)
LINKS = ("secret.png", "2024-10-30-linked.md")  # links committed into events/2024/

# files that MkDocs would drop, collide or crash on: each is named, none stops a build.
# path -> (bytes, or a link's target after '->'; the problem fragment, 'line:column: field: …')
ODD_FILES = {
    "2024/..md": (entry(title="Dot dot"), "1:1: file: '..md' is never published: its name starts"),
    "2024/.2024-12-01-hidden.md": (
        entry(title="Hidden", date="2024-12-01"),
        "1:1: file: '.2024-12-01-hidden.md' is never published: its name starts with '.'",
    ),
    ".x/2024/2024-12-02-in-hidden-folder.md": (
        entry(title="In a hidden folder", date="2024-12-02"),
        "1:1: file: '2024-12-02-in-hidden-folder.md' is never published: the folder '.x' is hidden",
    ),
    "2024/2024-12-03-self.md": ("->2024-12-03-self.md", "1:1: file: is a link to nothing"),
    "2024/dangling.png": ("->nowhere.png", "1:1: file: is a link to nothing"),
    "2024/2024-12-04-x/index.md": (
        entry(title="Index", date="2024-12-04"),
        "1:1: file: 'index.md' cannot be an event id",
    ),
    "2024/loop": ("->..", "1:1: file: is a link to a folder"),
}
NOTICE_FILES = {"2024/.gitkeep": "1:1: file: '.gitkeep' is not published: its name starts"}

# registry additions for the hostile site: an actor whose every text is HTML, and an alias that
# two actors claim (a problem in the registry, which keeps both actors)
REGISTRY = f"""\
- id: html-actor
  name: {q("Name " + HTML)}
  kind: group
  aliases: [{q("Alias " + HTML)}]
  description: {q("Description " + HTML)}
- id: kim-one
  name: Kim One
  kind: person
  aliases: [Kim]
- id: kim-two
  name: Kim Two
  kind: person
  aliases: [Kim]
# round two: values
- id: index
  name: Index
  kind: group
- id: 0x{"f" * 4000}
  name: Huge
  kind: group
"""
REGISTRY_PROBLEMS = (
    "aliases[0]: 'Kim' already names actor 'kim-one'",
    "id: 'index' is reserved: an actor's page would be actors/index.md, which is the page "
    "listing every actor; choose another id",
    "id: '0xffffffffffffffffff…' is 4,002 characters long; an id is at most 100",
)
"""Fragments of the registry's problems on the hostile site ('field: message')."""

# the place registry of the hostile site: a place whose every text is HTML, one across the
# antimeridian, and values that are not coordinates (each a problem; the place is left out)
PLACES = f"""\
- id: html-place
  name: {q("Place name " + HTML)}
  kind: site
  lat: 51.5
  lon: 36.2
  aliases: [{q("Place alias " + HTML)}]
- id: far-east
  name: Far East
  kind: region
  lat: -16.5
  lon: 179.99
- id: not-a-number
  name: Not a number
  kind: city
  lat: .nan
  lon: 1e309
- id: off-the-map
  name: Off the map
  kind: city
  lat: 90.000001
  lon: -180
"""
PLACE_PROBLEMS = (
    "lat: '.nan' is not a latitude",
    "lon: '1e309' is not a longitude",
    "lat: 90.000001 is out of range; a latitude is between -90 and 90 degrees",
)
"""Fragments of the place registry's problems on the hostile site ('field: message')."""
MEASURES = f"""\
- id: killed
  name: Killed
  unit: killed
- id: html-measure
  name: {q("Measure " + HTML)}
  unit: {q("unit " + HTML)}
  description: {q("Description " + HTML)}
"""
ERAS = f"""\
- title: {q("Era " + HTML)}
  start: 2024-10
  description: {q("Era description " + HTML)}
"""
"""The hostile site's measures and eras: every text of them is HTML."""

CASES = INVALID + VALID


def make_site(root: Path, registry: str | None = ACTORS) -> Site:
    """A site like the `site` fixture's, in any folder, with any registry (None: no registry)."""
    site = Site(root)
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    site.write("index.md", "# Test timeline\n")
    # a tags index, as the published site has (/tags/): tag names also become headings there
    site.write("tags.md", "# Tags\n\n<!-- material/tags -->\n")
    if registry is not None:
        site.write("actors.yml", registry)
    site.write("measures.yml", MEASURES)
    site.write("eras.yml", ERAS)
    return site


def timeline_check(site: Site, *args: str) -> subprocess.CompletedProcess:
    """The real `timeline check` command, run in the site's folder."""
    return subprocess.run(
        [sys.executable, "-m", "timeline", "check", *args],
        cwd=site.root,
        capture_output=True,
        text=True,
        timeout=120,
    )
