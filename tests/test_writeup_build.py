"""Write-ups and maintainers' pages through the real `mkdocs build`: markers are warned of by
file, line and column and never expanded on an event page."""

from __future__ import annotations

from types import SimpleNamespace

from timeline_mkdocs.reader import ReaderViews


def test_markers_of_a_maintainers_page_are_warned_of_by_line_and_column(site):
    site.write(
        "index.md",
        "---\ntitle: Home\n---\n# Home\n\n<!-- timeline:latest 2 -->\n\n"
        "<!-- timeline:keyevents --> and <!-- timeline:latest " + "9" * 5000 + " -->\n\n"
        "`<!-- timeline:example -->`\n",
    )
    site.event("2024/2024-10-31-a.md", title="Kursk")
    build = site.build()
    assert build.returncode == 0 and "Traceback" not in build.stdout
    assert (
        "WARNING -  timeline: content/index.md:8:1: marker: unknown marker 'timeline:keyevents'; "
        "use key-events, latest, overview"
    ) in build.stdout
    assert (
        "content/index.md:8:33: marker: 'timeline:latest' takes a number from 1 to 100, "
        "not one of 5,000 digits"
    ) in build.stdout
    assert "timeline:example" not in build.stdout
    html = site.html("")
    assert "Kursk" in html  # the good marker is rendered
    assert "<!-- timeline:keyevents -->" in html  # a bad one is left as it is
    assert site.build(strict=True).returncode == 1


def test_an_event_page_never_expands_a_marker():
    # the core refuses a marker in a write-up; the page would not expand one either
    views = ReaderViews.__new__(ReaderViews)
    views.event_paths = frozenset({"events/2024/2024-10-31-a.md"})
    page = SimpleNamespace(file=SimpleNamespace(src_uri="events/2024/2024-10-31-a.md"))
    html = "<p>x</p><!-- timeline:latest 5 -->" * 3
    assert views.markers(html, page, renderer=None) == html
