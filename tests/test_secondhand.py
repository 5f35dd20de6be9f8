"""Second-hand source hosts (timeline/check/secondhand.py): an aggregator or a library proxy
beside another source is named in a notice by `timeline check`; alone, it is allowed."""

import pytest
from conftest import ACTORS, entry

from timeline.check.registry import load_registry
from timeline.check.secondhand import second_hand
from timeline.check.validate import validate
from timeline.read.frontmatter import loads

REGISTRY, _ = load_registry(ACTORS.encode(), "content/actors.yml")
PATH = "content/events/2024/2024-10-31-x.md"
AP = "\n  - publisher: AP\n    url: https://apnews.com/article/x"
DEV = "\n  - publisher: Devdiscourse\n    url: https://www.devdiscourse.com/article/1-x\n"


def check(sources: str):
    return validate(loads(entry(sources=sources)), PATH, "events/2024/2024-10-31-x.md", REGISTRY)


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("https://www.devdiscourse.com/article/x", "an aggregator"),
        ("https://DEVDISCOURSE.COM./x", "an aggregator"),
        ("http://news.az/news/x", "an aggregator"),
        ("https://www.newser.com/story/1/x.html", "an aggregator"),
        ("https://www-scmp-com.libproxy1.nus.edu.sg/news/x", "a library proxy"),
        ("https://www.jstor.org.ezproxy.example.edu/x", "a library proxy"),
        ("https://notdevdiscourse.com/x", None),
        ("https://devdiscourse.com.example.org/x", None),
        ("https://apnews.com/article/x", None),
        ("https://[::1/x", None),  # not a link: the schema says so, this says nothing
        ("https://" + "a." * 2000 + "com/x", None),
    ],
)
def test_second_hand_hosts(url, kind):
    assert second_hand(url) == kind


def test_an_aggregator_beside_another_source_is_a_notice_at_its_url():
    event, problems = check(AP + DEV)
    assert event is not None  # published: a notice fails nothing
    assert [str(p) for p in problems] == [
        f"{PATH}:10:10: sources[1].url: www.devdiscourse.com is an aggregator; another source "
        "is given, so drop this one (cite the original outlet)"
    ]
    assert problems[0].severity == "notice"


def test_an_aggregator_alone_is_allowed():
    event, problems = check(DEV)
    assert event is not None and problems == []
