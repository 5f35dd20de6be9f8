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
    missing = [
        (wanted[path], files[path]) for path in sorted(files) if not os.path.exists(files[path])
    ]
    fork_map(lambda item: _resize(*item[0], item[1]), missing, minimum=32)
    return files, len(missing)


def _resize(source: str, rendition: Rendition, out: str) -> None:
    from PIL import Image, ImageOps

    with Image.open(source) as image:
        image = ImageOps.exif_transpose(image)  # as the camera held it
        if image.mode not in ("RGB", "RGBA"):
            image = image.convert("RGBA" if "transparency" in image.info else "RGB")
        image = image.resize((rendition.width, rendition.height), Image.Resampling.LANCZOS)
        partial = f"{out}.{os.getpid()}.part"
        image.save(partial, "WEBP", quality=QUALITY, method=4)
    os.replace(partial, out)
