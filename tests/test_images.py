"""An event's image: the figure with its caption and credit, the `srcset` of sizes made at
build time, the timeline's thumbnail, the card that shows it; and every bad `image:` reported at
its `src` (missing alt or credit, a remote link, a path out of the folder, not an image, too
big)."""

from __future__ import annotations

import io
import re

import pytest
from conftest import entry
from hostile import timeline_check
from PIL import Image

IMAGE = """\
image:
  src: {src}
  alt: A map of the Kursk region
  caption: The Kursk region, where the units were reported.
  credit: Jane Doe / Example Agency
  license: CC BY 4.0
  source: https://example.org/map"""


def png(width: int = 1600, height: int = 900, colour: str = "#2a6") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, "PNG")
    return out.getvalue()


@pytest.mark.e2e
def test_an_event_with_an_image_shows_figure_credit_srcset_and_thumbnail(site):
    site.write("events/2024/kursk.png", png())
    site.event("2024/2024-10-31-x.md", title="With an image", extra=IMAGE.format(src="kursk.png"))
    result = site.build(strict=True)
    assert result.returncode == 0, result.stdout
    assert "image sizes, 6 made" in result.stdout
    page = site.html("events/2024/2024-10-31-x/")
    figure = re.search(r'<figure class="tl-figure">.*?</figure>', page, re.S).group(0)
    img = re.search(r"<img [^>]*>", figure).group(0)
    assert 'alt="A map of the Kursk region"' in img and 'loading="lazy"' in img
    assert 'width="720" height="405"' in img
    srcset = re.search(r'srcset="([^"]+)"', img).group(1).split(", ")
    assert [s.rsplit(" ", 1)[1] for s in srcset] == ["480w", "720w", "1080w", "1440w"]
    for candidate in srcset:
        path = candidate.rsplit(" ", 1)[0]
        found = (site.root / "site/events/2024/2024-10-31-x" / path).resolve()
        with Image.open(found) as made:
            assert made.format == "WEBP" and made.width == int(candidate.rsplit(" ", 1)[1][:-1])
    assert "Jane Doe / Example Agency (CC BY 4.0)" in figure
    assert 'href="https://example.org/map"' in figure
    assert "The Kursk region, where the units were reported." in figure
    timeline = site.html("timeline/")
    thumb = re.search(r'<img class="tl-event__thumb"[^>]*>', timeline).group(0)
    assert 'width="96" height="54"' in thumb and 'alt=""' in thumb and "192w" in thumb
    card = re.search(r'<meta property="og:image" content="https://example.org/test/([^"]+)"', page)
    with Image.open(site.root / "site" / card.group(1)) as drawn:
        assert drawn.size == (1200, 630)
        assert drawn.convert("RGB").getpixel((1100, 300)) == (0x22, 0xAA, 0x66)  # the image
    again = site.build(strict=True)
    assert "6 image sizes, 0 made" in again.stdout and "0 drawn" in again.stdout


BAD = [
    (
        "image:\n  src: kursk.png\n  credit: X",
        "9:3: image.alt: is required but missing",
    ),
    (
        "image:\n  src: kursk.png\n  alt: A map",
        "9:3: image.credit: is required but missing",
    ),
    (
        "image:\n  src: https://example.org/kursk.png\n  alt: A map\n  credit: X",
        "7:8: image.src: 'https://example.org/kursk.png' is on another site",
    ),
    (
        "image:\n  src: ../../../../../etc/passwd.png\n  alt: A map\n  credit: X",
        "outside the events folder",
    ),
    (
        "image:\n  src: fake.png\n  alt: A map\n  credit: X",
        "7:8: image.src: 'fake.png' is not an image that can be read",
    ),
    (
        "image:\n  src: huge.png\n  alt: A map\n  credit: X",
        "7:8: image.src: 'huge.png' is 7,000 × 7,000 pixels; at most 40 megapixels",
    ),
    (
        "image:\n  src: missing.png\n  alt: A map\n  credit: X",
        "7:8: image.src: 'missing.png': there is no image file 'events/2024/missing.png'",
    ),
    ("image: kursk.png", "6:8: image: must be a set of 'field: value' lines"),
    (
        "image:\n  src: notes.txt\n  alt: A map\n  credit: X",
        "7:8: image.src: 'notes.txt' is not an image file",
    ),
]


@pytest.mark.e2e
def test_bad_images_are_reported_at_their_line_by_check_and_build(site):
    site.write("events/2024/kursk.png", png(200, 100))
    site.write("events/2024/fake.png", b"\x89PNG\r\n\x1a\nnot really")
    site.write("events/2024/huge.png", png(7000, 7000))
    for number, (extra, _) in enumerate(BAD, start=1):
        site.write(f"events/2024/2024-10-{number:02d}-bad.md", entry(date=f"2024-10-{number:02d}",
                                                                    extra=extra))  # fmt: skip
    checked = timeline_check(site)
    built = site.build()
    for number, (_, expected) in enumerate(BAD, start=1):
        path = f"content/events/2024/2024-10-{number:02d}-bad.md:"
        lines = [line for line in checked.stdout.splitlines() if line.startswith(path)]
        assert any(expected in line for line in lines), (expected, lines)
        assert any(expected in line for line in built.stdout.splitlines()), expected
    assert "Traceback" not in checked.stdout + checked.stderr + built.stdout
    assert "0 events published" in built.stdout or "timeline: 0 events" in built.stdout
