"""An event's image as pages show it: the sizes drawn at build time (`exports.pictures` makes
them), for `srcset`, with the width and height that keep the page from moving as it loads."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import EventImage

FOLDER = "assets/images"
FIGURE_WIDTHS = (480, 720, 1080, 1440)
"""The event page's figure: its column is at most 720 CSS pixels wide (twice that on a
high-density screen), a phone's 360 to 480."""
FIGURE_SIZES = "(min-width: 760px) 720px, 100vw"
THUMB_WIDTHS = (96, 192)
"""The timeline entry's thumbnail: 96 CSS pixels wide, and twice that."""
THUMB_SIZES = "96px"


@dataclass(frozen=True, slots=True)
class Rendition:
    """One size of an image: its path in the site, and its size in pixels."""

    path: str
    width: int
    height: int


@dataclass(frozen=True, slots=True)
class Picture:
    """An image at the sizes a place on the page needs, smallest first."""

    renditions: tuple[Rendition, ...]
    sizes: str
    shown: int
    """Its width on the page, in CSS pixels."""

    @property
    def fallback(self) -> Rendition:
        """The `src` of browsers without `srcset`, whose width and height the page reserves:
        the smallest as wide as the place it fills."""
        return next((r for r in self.renditions if r.width >= self.shown), self.renditions[-1])


def renditions(image: EventImage, widths: tuple[int, ...]) -> tuple[Rendition, ...]:
    """The sizes of an image for these widths, never wider than the file itself."""
    found = sorted({min(width, image.width) for width in widths})
    return tuple(
        Rendition(
            f"{FOLDER}/{image.digest}-{width}.webp",
            width,
            max(1, round(image.height * width / image.width)),
        )
        for width in found
    )


def figure(image: EventImage) -> Picture:
    return Picture(renditions(image, FIGURE_WIDTHS), FIGURE_SIZES, 720)


def thumbnail(image: EventImage) -> Picture:
    return Picture(renditions(image, THUMB_WIDTHS), THUMB_SIZES, 96)


def every_rendition(image: EventImage) -> tuple[Rendition, ...]:
    """Every size of an image a page shows (the resizer makes each one)."""
    return figure(image).renditions + thumbnail(image).renditions
