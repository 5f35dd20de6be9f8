"""The events' images resized at build time (Pillow) to the sizes pages show them at
(`views.pictures`), as WebP, kept in a cache folder under the source's content hash and the
width, and made in parallel (`parallel.fork_map`): an unchanged image costs nothing again."""

from __future__ import annotations

import os

from ..collection import Timeline
from ..parallel import fork_map
from ..views.pictures import Rendition, every_rendition

QUALITY = 80


def picture_files(timeline: Timeline, content_dir: str, cache: str) -> tuple[dict[str, str], int]:
    """Site path -> cached file of every rendition of every event's image, and how many were
    made now."""
    os.makedirs(cache, exist_ok=True)
    wanted: dict[str, tuple[str, Rendition]] = {}
    for event in timeline.events:
        if event.image is not None:
            source = os.path.join(content_dir, event.image.path)
            for rendition in every_rendition(event.image):
                wanted[rendition.path] = (source, rendition)
    files = {path: os.path.join(cache, os.path.basename(path)) for path in wanted}
    missing: dict[str, list[tuple[Rendition, str]]] = {}  # by source: decoded once for all
    for path in sorted(files):
        if not os.path.exists(files[path]):
            source, rendition = wanted[path]
            missing.setdefault(source, []).append((rendition, files[path]))
    fork_map(lambda item: _resize(*item), sorted(missing.items()), minimum=8)
    return files, sum(len(sizes) for sizes in missing.values())


def _resize(source: str, sizes: list[tuple[Rendition, str]]) -> None:
    """One source decoded once (a JPEG at the smallest scale its largest size allows), then
    each size made from it."""
    from PIL import Image, ImageOps

    largest = max(rendition.width for rendition, _ in sizes)
    with Image.open(source) as image:
        if image.format == "JPEG":
            tall = max(rendition.height for rendition, _ in sizes)
            image.draft("RGB", (largest, tall))  # decoded at 1/2, 1/4 or 1/8 where enough
        image = ImageOps.exif_transpose(image)  # as the camera held it
        if image.mode not in ("RGB", "RGBA"):
            image = image.convert("RGBA" if "transparency" in image.info else "RGB")
        for rendition, out in sorted(sizes, key=lambda item: -item[0].width):
            size = (rendition.width, rendition.height)
            made = image.resize(size, Image.Resampling.BICUBIC, reducing_gap=2.0)
            partial = f"{out}.{os.getpid()}.part"
            made.save(partial, "WEBP", quality=QUALITY, method=2)
            os.replace(partial, out)
