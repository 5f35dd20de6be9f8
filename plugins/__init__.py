"""MkDocs plugin for curated news timelines: a thin adapter over the `timeline` core."""
