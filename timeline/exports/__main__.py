"""`python -m timeline.exports > schema/timeline.json` writes the JSON Schema of timeline.json."""

from __future__ import annotations

import sys

from .schema import render

sys.stdout.buffer.write(render())
