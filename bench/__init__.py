"""The performance benchmark (`make bench`): generate N synthetic entries, build them
with our plugin, with mkdocs-material's blog plugin and as plain pages (the floor), and compare."""
