"""Curated news timelines: events read from Markdown files, validated, ordered and exported.

The core knows nothing of MkDocs; `timeline_mkdocs` (in plugins/) adapts it to a site build.
"""

from __future__ import annotations

from .check.dateparse import parse_date
from .check.registry import Registry, load_registry
from .collection import Timeline, build_timeline
from .dates import DateError, PartialDate, Precision, format_date, format_span
from .entry import read_entry, read_registry
from .loader import load_timeline
from .model import Actor, Event, Problem, Source, Update

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "DateError",
    "Event",
    "PartialDate",
    "Precision",
    "Problem",
    "Registry",
    "Source",
    "Timeline",
    "Update",
    "build_timeline",
    "format_date",
    "format_span",
    "load_registry",
    "load_timeline",
    "parse_date",
    "read_entry",
    "read_registry",
]
