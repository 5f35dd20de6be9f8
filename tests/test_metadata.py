"""schema.org JSON-LD and social card tags."""

from __future__ import annotations

import json

from conftest import entry
from hypothesis import given
from hypothesis import strategies as st
from test_ordering import timeline_of

from timeline.views.metadata import event_jsonld, script_json, social_tags

SOURCES = """
  - publisher: CNN
    title: US says troops in Kursk
    url: https://edition.cnn.com/x
    published: 2024-10-31
    archived: https://web.archive.org/web/2024/https://edition.cnn.com/x
  - publisher: AP
    url: https://apnews.com/y
"""


def test_event_jsonld_is_a_schema_org_event_citing_its_sources():
    event = timeline_of(
        {
            "events/2024/x.md": entry(
                title="Austin speaks",
                date="2024-10-31",
                extra="end: 2024-11-02\nlocation: Washington, D.C.",
                sources=SOURCES,
            )
        }
    ).events[0]
    data = event_jsonld(event, "https://example.org/events/2024/x/")
    assert data["@context"] == "https://schema.org" and data["@type"] == "Event"
    assert data["name"] == "Austin speaks"
    assert (data["startDate"], data["endDate"]) == ("2024-10-31", "2024-11-02")
    assert data["location"] == {"@type": "Place", "name": "Washington, D.C."}
    assert data["url"] == "https://example.org/events/2024/x/"
    assert data["citation"] == [
        {
            "@type": "CreativeWork",
            "url": "https://edition.cnn.com/x",
            "name": "US says troops in Kursk",
            "publisher": {"@type": "Organization", "name": "CNN"},
            "datePublished": "2024-10-31",
            "archivedAt": "https://web.archive.org/web/2024/https://edition.cnn.com/x",
        },
        {
            "@type": "CreativeWork",
            "url": "https://apnews.com/y",
            "publisher": {"@type": "Organization", "name": "AP"},
        },
    ]


def test_event_jsonld_leaves_out_what_is_not_known():
    event = timeline_of({"events/x.md": entry(date="2024-10")}).events[0]
    data = event_jsonld(event)
    assert data["startDate"] == "2024-10"
    assert "endDate" not in data and "location" not in data and "url" not in data


@given(st.text())
def test_script_json_never_closes_the_script_element_and_reads_back(text):
    out = script_json({"name": text})
    assert "<" not in out and ">" not in out and "&" not in out
    assert json.loads(out) == {"name": text}


def test_social_tags_use_property_for_opengraph_and_name_for_twitter():
    tags = social_tags(
        title="Austin speaks",
        description="A summary.",
        site_name="Site",
        url="https://e.org/x/",
        kind="article",
    )
    assert tags == [
        ("property", "og:type", "article"),
        ("property", "og:site_name", "Site"),
        ("property", "og:title", "Austin speaks"),
        ("property", "og:description", "A summary."),
        ("property", "og:url", "https://e.org/x/"),
        ("name", "twitter:card", "summary"),
        ("name", "twitter:title", "Austin speaks"),
        ("name", "twitter:description", "A summary."),
    ]
    bare = social_tags(title="T", description="", site_name="S")
    assert ("property", "og:url") not in [t[:2] for t in bare]
    assert "og:description" not in [t[1] for t in bare]
