"""An event's `image:`: its fields' rules, and the check of its file once the folder is known.

The front matter alone says whether `src` is a path of this repository (never a link to
another host, an absolute path or a path out of the events folder); `image_file` then reads
the file: one the events folder publishes (`read.paths.scan_folder`), a real image (Pillow
reads it whole), within the size limits.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..read.paths import IMAGE_SUFFIXES
from .rules import Context, Invalid, check_fields, quoted

if TYPE_CHECKING:
    from .schema import Field

SRC_MAX_CHARS = 300
SRC_PATTERN = r"^(?![A-Za-z][A-Za-z0-9+.-]*:|/|\\)[^\s\\]+$"
"""A relative path (no scheme, not absolute, no backslash or space), for the JSON Schema."""
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
MAX_BYTES = 20_000_000
MAX_PIXELS = 40_000_000
"""A phone's photo is 12 megapixels and a few MB; past these, an image only costs the build."""
FORMATS = {"PNG": "image/png", "JPEG": "image/jpeg", "GIF": "image/gif", "WEBP": "image/webp"}


def record(value: Any, ctx: Context, where: tuple, field: Field) -> dict:
    if not isinstance(value, dict):
        raise Invalid("must be a set of 'field: value' lines (src, alt, credit, …), indented")
    return check_fields(value, field.items, ctx, where)


def src(value: Any, ctx: Context, where: tuple, field: Field) -> str:
    if not isinstance(value, str) or not value.strip():
        raise Invalid("must be the path of an image file next to the entry")
    value = value.strip()
    if _SCHEME.match(value) or value.startswith("//"):
        raise Invalid(
            f"{quoted(value)} is on another site; readers' browsers would ask that site for it. "
            "Save the file next to the entry (with its licence) and give its name"
        )
    if len(value) > field.max_chars:
        raise Invalid(f"is {len(value):,} characters long; at most {field.max_chars}")
    if value.startswith(("/", "\\")) or "\\" in value or any(c.isspace() for c in value):
        raise Invalid(f"{quoted(value)} is not a relative path; write it as 'kursk-map.png'")
    if not value.lower().endswith(IMAGE_SUFFIXES):
        raise Invalid(f"{quoted(value)} is not an image file ({', '.join(IMAGE_SUFFIXES)})")
    return value


def target(entry: str, source: str) -> str:
    """The content path an entry's image `src` names ('events/2024/x.md', 'm.png' ->
    'events/2024/m.png'); '..' resolved (the result may be outside the folder)."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(entry), source))


@dataclass(frozen=True, slots=True)
class ImageFile:
    """What the build needs of a checked image file: its content hash and size."""

    path: str  # in the content folder
    digest: str
    width: int
    height: int


def image_file(entry: str, source: str, folder: str, published: set[str], read) -> ImageFile | str:
    """The image an entry's `src` names, checked; or why it cannot be used. `published` is the
    events folder's images (content paths); `read(path)` gives a file's bytes."""
    path = target(entry, source)
    if not path.startswith(folder.strip("/") + "/"):
        return (
            f"{quoted(source)} leads to '{path}', outside the events folder; keep the image next "
            "to the entry or in an images folder beside it"
        )
    if path not in published:
        return f"{quoted(source)}: there is no image file '{path}'"
    data = read(path)
    if len(data) > MAX_BYTES:
        return f"{quoted(source)} is {len(data) / 1e6:.1f} MB; at most {MAX_BYTES / 1e6:.0f} MB"
    return _decoded(source, path, data)


def _decoded(source: str, path: str, data: bytes) -> ImageFile | str:
    import io

    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                kind, (width, height) = image.format, image.size
                if image.getexif().get(0x0112) in (5, 6, 7, 8):  # turned a quarter: as shown
                    width, height = height, width
                if width * height > MAX_PIXELS:
                    return (
                        f"{quoted(source)} is {width:,} × {height:,} pixels; at most "
                        f"{MAX_PIXELS / 1e6:.0f} megapixels"
                    )
                if kind == "JPEG":  # decoded at an eighth of its size: as thorough, 20x faster
                    image.draft("RGB", (max(1, width // 8), max(1, height // 8)))
                image.load()  # the whole file decodes, not only its header
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError,
            Image.DecompressionBombWarning) as error:  # fmt: skip
        return f"{quoted(source)} is not an image that can be read ({type(error).__name__})"
    if kind not in FORMATS:
        return f"{quoted(source)} is a {kind} file; use PNG, JPEG, GIF or WebP"
    return ImageFile(path, hashlib.sha256(data).hexdigest()[:16], width, height)
