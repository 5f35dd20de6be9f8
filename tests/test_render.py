"""The plugin's link maker gives exactly what MkDocs' own `get_relative_url` gives."""

from __future__ import annotations

from conftest import examples
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.utils import get_relative_url

from timeline.views.urls import relative_to

SEGMENT = st.sampled_from(["events", "2024", "a.b", "x", ".", "..", "", "index.html", "#top"])
PATH = st.lists(SEGMENT, max_size=6).map("/".join)


@settings(max_examples=examples(1000))
@given(PATH, PATH)
def test_relative_links_are_mkdocs_own(target, base):
    if not target.startswith("#"):  # a link within the page: below
        assert relative_to(base)(target) == get_relative_url(target, base)


def test_a_link_within_the_page_stays_as_it_is():
    assert relative_to("timeline/2024/")("#month-2024-10") == "#month-2024-10"


def test_typical_links():
    url = relative_to("events/2024/2024-10-31-x/")
    assert url("events/2024/2024-11-01-y/") == "../2024-11-01-y/"
    assert url("actors/nis/") == "../../../actors/nis/"
    assert url("timeline/2024/#month-2024-10") == "../../../timeline/2024/#month-2024-10"
    assert relative_to("")("timeline/") == "timeline/"
