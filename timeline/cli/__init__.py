"""The `timeline` command (check, new, init, schema) and the files it writes."""

from .main import main

__all__ = ["main"]
