"""Second-hand source hosts: aggregators that rewrite other outlets' reports without naming
them, and library proxies that only a university's members can open.

The one list of them. An entry may cite one only when it gives no other source: `timeline
check` says so in a notice, and the repository's editorial test fails on it.
"""

from __future__ import annotations

from urllib.parse import urlsplit

# hosts whose pages rewrite agency copy ("with inputs from agencies") or summarise other outlets
AGGREGATOR_HOSTS = frozenset({"devdiscourse.com", "news.az", "newser.com"})
# a proxy rewrites the publisher's host into its own: www-scmp-com.libproxy1.nus.edu.sg
PROXY_LABELS = ("libproxy", "ezproxy")


def second_hand(url: str) -> str | None:
    """'an aggregator' or 'a library proxy' when the link's host is one, else None."""
    try:
        host = (urlsplit(url).hostname or "").rstrip(".")
    except ValueError:  # a link the schema refused already; nothing more to say
        return None
    labels = host.split(".")
    if any(label.startswith(PROXY_LABELS) for label in labels):
        return "a library proxy"
    if any(".".join(labels[i:]) in AGGREGATOR_HOSTS for i in range(len(labels))):
        return "an aggregator"
    return None


def second_hand_notes(urls: list[str]) -> list[tuple[int, str]]:
    """(index, message) for each second-hand link among several sources: the others are cited,
    so this one is not needed."""
    if len(urls) < 2:
        return []
    return [
        (
            index,
            f"{urlsplit(url).hostname} is {kind}; another source is given, so drop this one "
            "(cite the original outlet)",
        )
        for index, url in enumerate(urls)
        if (kind := second_hand(url))
    ]
