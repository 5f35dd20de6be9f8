"""Where a new site installs the generator from (`timeline init --source`): every requirement it
writes is one pip can resolve on another machine."""

from __future__ import annotations

import pytest

from timeline.cli.requirement import SourceError, from_source


@pytest.mark.parametrize(
    ("source", "requirement"),
    [
        (
            "https://github.com/o/news-timeline@v0.2.0",
            "news-timeline @ git+https://github.com/o/news-timeline@v0.2.0",
        ),
        (
            "git+https://gitlab.com/o/news-timeline.git@main",
            "news-timeline @ git+https://gitlab.com/o/news-timeline.git@main",
        ),
        (
            "https://example.org/dl/news_timeline-0.2.0-py3-none-any.whl",
            "news-timeline @ https://example.org/dl/news_timeline-0.2.0-py3-none-any.whl",
        ),
        ("0.2.0", "news-timeline==0.2.0"),
        ("==0.2.0", "news-timeline==0.2.0"),
    ],
)
def test_a_source_becomes_a_requirement_pip_resolves(source, requirement):
    assert from_source(source).requirement == requirement


def test_a_git_source_names_the_repository_and_tag_for_the_readme():
    install = from_source("https://github.com/o/news-timeline@v0.2.0")
    assert (install.repository, install.revision) == (
        "https://github.com/o/news-timeline",
        "v0.2.0",
    )
    assert (
        install.origin
        == "from its Git repository, `https://github.com/o/news-timeline`, at `v0.2.0`"
    )
    untagged = from_source("https://github.com/o/news-timeline")
    assert (untagged.repository, untagged.revision) == ("https://github.com/o/news-timeline", None)


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("https://user:token@github.com/o/r@v1", "carries a user name or token"),
        ("missing/news_timeline-0.1.0-py3-none-any.whl", "is not a file"),
        ("news-timeline", "is neither a Git address"),
        ("ftp://example.org/news_timeline.whl", "is not an address pip can install from"),
    ],
)
def test_a_source_pip_could_not_use_is_refused_with_why(source, message):
    with pytest.raises(SourceError, match=message):
        from_source(source)
