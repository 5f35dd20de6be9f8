"""Social cards: a 1200×630 PNG per event page (and for the home and timeline pages), which
link previews show (`og:image`): the site's name, the title, the date and the status, in the
site's own typefaces.

Pillow draws them; its FreeType reads the site's WOFF2 files as they are (the wheels' FreeType is
built with Brotli). Each card is kept in a cache folder under the hash of everything drawn on it
(and of this module's `VERSION` and the fonts), so an unchanged event costs nothing on the next
build; the cards to draw are shared between processes (`parallel.fork_map`). A card is a
palette image: the text is drawn in grey levels, mapped to the card's colours at the end, which
keeps both the drawing and the file small (about 23 KB, a few milliseconds). Glyphs are drawn
once per face and pasted, several times faster than laying out each line with FreeType again.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import shutil
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ..collection import Timeline
from ..parallel import fork_map
from ..views.metadata import HOME_CARD, TIMELINE_CARD, card_path
from .pictures import picture_files

VERSION = "1"
"""Part of every card's hash: change it when the drawing changes, so cached cards are redrawn."""
WIDTH, HEIGHT = 1200, 630
MARGIN = 64
BACKGROUND = (0x12, 0x12, 0x12)
INK = (0xFF, 0xFF, 0xFF)
STATUS_COLOURS = {
    "confirmed": (0xA5, 0xD6, 0xA7),
    "reported": (0x90, 0xCA, 0xF9),
    "claimed": (0xFF, 0xCC, 0x80),
    "disputed": (0xCE, 0x93, 0xD8),
    "denied": (0xEF, 0x9A, 0x9A),
}
RULE = (0xE5, 0x39, 0x35)
TITLE_SIZES = (64, 54, 46)
"""The title's sizes in pixels, largest first: the first that fits in `TITLE_LINES` lines."""
TITLE_LINES = 5
PICTURE_WIDTH = 440
"""With an image, the card's right part shows it (the text keeps the rest)."""


@dataclass(frozen=True, slots=True)
class Card:
    """What one card shows, and where it goes in the site."""

    path: str
    site: str
    title: str
    footer: str = ""
    status: str = ""
    event: str = ""
    picture: str = ""
    """The event's image file, drawn beside the text; `digest` is its content's hash."""
    digest: str = ""

    def key(self, fonts: str) -> str:
        drawn = [VERSION, fonts, self.site, self.title, self.footer, self.status, self.digest]
        return hashlib.sha256(json.dumps(drawn).encode()).hexdigest()[:32]


def cards(timeline: Timeline, site_name: str, description: str) -> list[Card]:
    """The cards of a site: one per event, one for the home page and one for the timeline."""
    found = [
        Card(card_path(e), site_name, e.title, e.display_date, e.status, e.id)
        for e in timeline.events
    ]
    count = len(timeline.events)
    span = ""
    if count:
        first, last = timeline.events[0].display_date, timeline.events[-1].display_date
        span = f"{count:,} event{'' if count == 1 else 's'}, {first} to {last}"
    found.append(Card(HOME_CARD, site_name, description or site_name, span))
    found.append(Card(TIMELINE_CARD, site_name, "Timeline", span))
    return found


@dataclass(frozen=True, slots=True)
class Made:
    """The cards of a build: site path -> the cached file, and how many were drawn or reused;
    and the images' sizes (`pictures`), how many made now."""

    files: dict[str, str]
    drawn: int
    reused: int
    pictures: int = 0
    resized: int = 0
    kept: Mapping[str, str] = field(default_factory=dict)
    """Site path -> the file in the cache (`files` has where it is in the site's folder)."""
    known: Mapping[tuple[Card, str], str] = field(default_factory=dict)
    """(card, fonts' hash) -> its file in the cache, which this build found there: a preview's
    next build neither hashes nor looks for an unchanged card again."""

    def summary(self) -> str:
        cards = len(self.files) - self.pictures
        text = f"timeline: {cards} social cards, {self.drawn} drawn, {self.reused} reused"
        return text + (f"; {self.pictures} image sizes, {self.resized} made" * bool(self.pictures))


def site_images(
    timeline: Timeline, site: Mapping[str, Any], fonts: str, last: Made | None = None
) -> Made:
    """A site's cards and its events' images at their sizes, from its configuration
    (mkdocs.yml's keys: `site_name`, `site_description`, `docs_dir`, `site_dir`, and where it
    is): kept in `.cache/cards` and `.cache/images` beside mkdocs.yml, and put in place in the
    site's folder (`placed`) when it has one, unless `last` (a preview's last build's) says
    the same file is there already."""
    where = site.get("config_file_path") or site["docs_dir"]
    cache = os.path.join(os.path.dirname(os.path.abspath(where)), ".cache")
    wanted = cards(timeline, site.get("site_name") or "", site.get("site_description") or "")
    for at, card in enumerate(wanted):
        event = timeline.events[timeline.position[card.event]] if card.event else None
        if event is not None and event.image is not None:  # the card shows the image too
            picture = os.path.join(site["docs_dir"], event.image.path)
            wanted[at] = replace(card, picture=picture, digest=event.image.digest)
    placed_before, known = (last.kept, last.known) if last is not None else ({}, {})
    made = make_cards(wanted, fonts, os.path.join(cache, "cards"), known)
    pictures, resized = picture_files(timeline, site["docs_dir"], os.path.join(cache, "images"))
    kept = files = {**made.files, **pictures}
    if site.get("site_dir"):
        here = site["site_dir"]
        files = {
            path: os.path.join(here, path)
            if placed_before.get(path) == cached
            else placed(cached, os.path.join(here, path))
            for path, cached in kept.items()
        }
    return replace(made, files=files, pictures=len(pictures), resized=resized, kept=kept)


def placed(kept: str, there: str) -> str:
    """`kept` (a file in the cache) at `there` in the site's folder, as a second name for the
    same file where the file system allows it, else as a copy: 5,000 cards are 90 MB that
    need not be written again. The site's copy must not be edited in place (it would change
    the cache's too); the build never does, and neither do the upload steps of the workflows."""
    os.makedirs(os.path.dirname(there), exist_ok=True)
    with contextlib.suppress(FileNotFoundError):
        if os.path.samefile(kept, there):
            return there
        os.unlink(there)  # a stale file of an earlier `--dirty` build
    try:
        os.link(kept, there)
    except OSError:  # another file system, or one without hard links
        shutil.copyfile(kept, there)
    return there


def make_cards(
    wanted: Sequence[Card], fonts: str, cache: str, known: Mapping[tuple[Card, str], str] = {}
) -> Made:
    """Every card's file in `cache`, drawing (in parallel) only those not there already.
    `known`: a last build's `Made.known`, cards whose files were there (in this `cache`)."""
    os.makedirs(cache, exist_ok=True)
    fingerprint = _fonts_hash(fonts)
    files, found, missing = {}, {}, []
    for card in wanted:
        file = known.get((card, fingerprint))
        if file is None or os.path.dirname(file) != cache:
            file = os.path.join(cache, card.key(fingerprint) + ".png")
            if not os.path.exists(file):
                missing.append(card)
        files[card.path] = found[card, fingerprint] = file
    unique = list({files[card.path]: card for card in missing}.items())
    draw = _drawer(fonts)
    fork_map(lambda item: _save(item[0], draw(item[1])), unique, minimum=64)
    return Made(files, len(missing), len(wanted) - len(missing), known=found)


def _save(path: str, data: bytes) -> None:
    """Written whole or not at all: a build stopped half-way leaves no broken card."""
    partial = f"{path}.{os.getpid()}.part"
    with open(partial, "wb") as handle:
        handle.write(data)
    os.replace(partial, path)


def _fonts_hash(fonts: str) -> str:
    digest = hashlib.sha256()
    for name in ("serif-700.woff2", "sans-700.woff2", "sans-400.woff2"):
        with open(os.path.join(fonts, name), "rb") as handle:
            digest.update(handle.read())
    return digest.hexdigest()[:16]


# --- drawing ---------------------------------------------------------------------------------


class Face:
    """A typeface at one size whose glyphs are drawn once and pasted after."""

    def __init__(self, path: str, size: int):
        from PIL import ImageFont

        self.font = ImageFont.truetype(path, size)
        self.size = size
        self.glyphs: dict[str, tuple] = {}

    def glyph(self, char: str) -> tuple:
        found = self.glyphs.get(char)
        if found is None:
            from PIL import Image, ImageDraw

            left, top, right, bottom = self.font.getbbox(char)
            image = Image.new("L", (max(right - left, 1), max(bottom - top, 1)))
            ImageDraw.Draw(image).text((-left, -top), char, font=self.font, fill=255)
            found = self.glyphs[char] = (image, left, top, self.font.getlength(char))
        return found

    def width(self, text: str) -> float:
        return sum(self.glyph(char)[3] for char in text)

    def draw(self, canvas, x: float, y: int, text: str, level: int) -> None:
        for char in text:
            image, left, top, advance = self.glyph(char)
            if not char.isspace():
                canvas.paste(level, (round(x) + left, y + top), image)
            x += advance


def wrap(face: Face, text: str, width: int) -> list[str]:
    """Words in lines no wider than `width` (a word wider than that is cut)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        while face.width(word) > width:  # no space to break at: cut it
            cut = len(word) - 1
            while cut > 1 and face.width(word[:cut]) > width:
                cut -= 1
            lines += [line] if line else []
            lines.append(word[:cut])
            word, line = word[cut:], ""
        candidate = f"{line} {word}" if line else word
        if face.width(candidate) <= width:
            line = candidate
        else:
            lines.append(line)
            line = word
    return lines + ([line] if line else [])


def _drawer(fonts: str) -> Callable[[Card], bytes]:
    """A function drawing a card's PNG; the faces are opened once, on first use."""
    faces: dict[tuple[str, int], Face] = {}

    def face(name: str, size: int) -> Face:
        if (name, size) not in faces:
            faces[name, size] = Face(os.path.join(fonts, name), size)
        return faces[name, size]

    def draw(card: Card) -> bytes:
        return _draw(card, face)

    return draw


def _draw(card: Card, face: Callable[[str, int], Face]) -> bytes:
    from PIL import Image

    text = Image.new("L", (WIDTH, HEIGHT))  # grey levels of white on the background
    accent = Image.new("L", (WIDTH, HEIGHT))  # grey levels of the accent colour
    width = WIDTH - 2 * MARGIN - (PICTURE_WIDTH if card.picture else 0)
    site = face("sans-700.woff2", 30)
    site.draw(text, MARGIN, 52, _cut(site, card.site, width), 170)
    accent.paste(255, (MARGIN, 112, MARGIN + 120, 118))
    for size in TITLE_SIZES:
        title = face("serif-700.woff2", size)
        lines = wrap(title, card.title, width)
        if len(lines) <= TITLE_LINES - 1 or size == TITLE_SIZES[-1]:
            break
    if len(lines) > TITLE_LINES:
        lines = lines[: TITLE_LINES - 1] + [_cut(title, " ".join(lines[TITLE_LINES - 1 :]), width)]
    y = 150
    for line in lines:
        title.draw(text, MARGIN, y, line, 255)
        y += round(title.size * 1.18)
    footer = face("sans-400.woff2", 34)
    footer.draw(text, MARGIN, HEIGHT - 96, card.footer, 215)
    if card.status:
        label = face("sans-700.woff2", 34)
        x = MARGIN + footer.width(card.footer) + (24 if card.footer else 0)
        label.draw(accent, x, HEIGHT - 96, card.status.upper(), 255)
    colour = STATUS_COLOURS.get(card.status, RULE)
    image = _palette(text, accent, colour if card.status else RULE)
    out = io.BytesIO()
    if card.picture:  # the event's image on the right, cropped to fill it
        from PIL import ImageOps

        image = image.convert("RGB")
        size = (PICTURE_WIDTH - MARGIN // 2, HEIGHT)
        with Image.open(card.picture) as picture:
            picture.draft("RGB", size)  # a JPEG decoded at the smallest scale that fills it
            picture = ImageOps.exif_transpose(picture).convert("RGB")
            image.paste(ImageOps.fit(picture, size, Image.Resampling.LANCZOS), (WIDTH - size[0], 0))
        image.save(out, "PNG", compress_level=1)
    else:
        image.save(out, "PNG", compress_level=1, bits=4)
    return out.getvalue()


def _palette(text, accent, colour: tuple[int, int, int]):
    """The two grey-level layers as one 16-colour palette PNG: indexes 0-7 run from the
    background to white, 8-15 from the background to the accent colour (eight levels of
    antialiasing are plenty at this size, and half the bits encode in half the time)."""
    from PIL import Image

    low = text.point([v >> 5 for v in range(256)])
    high = accent.point([8 + (v >> 5) for v in range(256)])
    low.paste(high, (0, 0), accent.point([255 if v >= 32 else 0 for v in range(256)]))
    image = Image.frombytes("P", low.size, low.tobytes())
    palette: list[int] = []
    for top in (INK, colour):
        for step in range(8):
            palette += [round(b + (t - b) * step / 7) for b, t in zip(BACKGROUND, top)]
    image.putpalette(palette)
    return image


def _cut(face: Face, text: str, width: int) -> str:
    """The text, cut with an ellipsis to fit in `width`."""
    if face.width(text) <= width:
        return text
    while text and face.width(text + "…") > width:
        text = text[:-1]
    return text.rstrip() + "…"
