"""Social cards: every event page links a 1200x630 PNG that exists, the home and timeline pages
theirs; a second build draws none again (the log counts them); any title draws."""

from __future__ import annotations

import io
import os
import re

import pytest
from conftest import ROOT
from hostile import HTML, RTL
from PIL import Image

from timeline.exports.cards import Card, _drawer, make_cards, placed

FONTS = str(ROOT / "plugins" / "assets" / "fonts")


def image(data: bytes) -> Image.Image:
    found = Image.open(io.BytesIO(data))
    found.load()
    return found


@pytest.mark.parametrize(
    "title",
    [
        "A short title",
        "Word " * 200,  # far too long: cut with an ellipsis
        "x" * 500,  # one word wider than the card
        HTML,
        RTL,
        "\u0301\u200d\ufeff combining and invisible characters",
    ],
)
def test_any_title_draws_a_card_of_the_right_size(title):
    card = image(_drawer(FONTS)(Card("c.png", "Site", title, "31 October 2024", "claimed")))
    assert card.size == (1200, 630) and card.format == "PNG"


def test_a_card_shows_its_text_in_its_colours():
    plain = image(_drawer(FONTS)(Card("c.png", "Site", "Title", "31 October 2024")))
    claimed = image(_drawer(FONTS)(Card("c.png", "Site", "Title", "31 October 2024", "claimed")))
    colours = {colour for _, colour in claimed.convert("RGB").getcolors(1 << 16)}
    assert (0xFF, 0xFF, 0xFF) in colours  # the title
    assert (0xFF, 0xCC, 0x80) in colours  # the status, in its colour
    assert (0xFF, 0xCC, 0x80) not in {c for _, c in plain.convert("RGB").getcolors(1 << 16)}


def test_cards_are_drawn_once_and_found_again_by_their_content(tmp_path):
    cards = [Card(f"assets/cards/{n}.png", "Site", f"Title {n}", "2024") for n in range(3)]
    first = make_cards(cards, FONTS, str(tmp_path))
    assert (first.drawn, first.reused) == (3, 0)
    again = make_cards([*cards, Card("assets/cards/new.png", "Site", "New")], FONTS, str(tmp_path))
    assert (again.drawn, again.reused) == (1, 3)
    assert again.files["assets/cards/0.png"] == first.files["assets/cards/0.png"]
    changed = make_cards(
        [Card("assets/cards/0.png", "Site", "Title 0", "2025")], FONTS, str(tmp_path)
    )
    assert (
        changed.drawn == 1
        and changed.files["assets/cards/0.png"] != first.files["assets/cards/0.png"]
    )
    assert not list(tmp_path.glob("*.part"))


@pytest.mark.e2e
def test_every_event_page_links_its_card_and_a_second_build_reuses_every_card(site):
    for day in range(1, 6):
        site.event(f"2024/2024-10-0{day}-e.md", date=f"2024-10-0{day}", title=f"Event {day}")
    first = site.build(strict=True)
    assert first.returncode == 0, first.stdout
    assert "timeline: 7 social cards, 7 drawn, 0 reused" in first.stdout
    output = site.root / "site"
    pages = [*sorted(output.glob("events/**/index.html")), output / "index.html"]
    for page in [*pages, output / "timeline/index.html"]:
        html = page.read_text(encoding="utf-8")
        found = re.search(r'<meta property="og:image" content="([^"]+)">', html)
        assert found, page
        link = found.group(1)
        assert link.startswith("https://example.org/test/assets/cards/")
        card = image((output / link.removeprefix("https://example.org/test/")).read_bytes())
        assert card.size == (1200, 630)
        assert re.search(r'<meta property="og:image:alt" content="[^"]+">', html)
        assert f'<meta name="twitter:image" content="{link}">' in html
        assert '<meta name="twitter:card" content="summary_large_image">' in html
    second = site.build(strict=True)
    assert "timeline: 7 social cards, 0 drawn, 7 reused" in second.stdout
    assert not list((site.root / ".cache" / "cards").glob("*.part"))
    kept = {p.read_bytes(): p for p in (site.root / ".cache" / "cards").glob("*.png")}
    for card in (output / "assets" / "cards").glob("*.png"):  # the cache's file, not a copy
        assert os.path.samefile(card, kept[card.read_bytes()]), card


def test_a_kept_file_is_put_in_the_site_as_the_same_file_or_else_copied(tmp_path, monkeypatch):
    kept = tmp_path / "cache" / "a.png"
    kept.parent.mkdir()
    kept.write_bytes(b"card")
    there = tmp_path / "site" / "assets" / "cards" / "a.png"
    assert placed(str(kept), str(there)) == str(there) and os.path.samefile(kept, there)
    assert placed(str(kept), str(there)) == str(there)  # again: left as it is
    there.unlink()
    there.write_bytes(b"stale")  # an earlier `--dirty` build's file: replaced
    placed(str(kept), str(there))
    assert os.path.samefile(kept, there) and there.read_bytes() == b"card"

    def refused(*args):
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(os, "link", refused)
    other = tmp_path / "elsewhere" / "a.png"
    placed(str(kept), str(other))  # another file system: a copy
    assert other.read_bytes() == b"card" and not os.path.samefile(kept, other)


def test_a_preview_s_next_build_finds_its_cards_as_a_whole_look_would(tmp_path):
    """`Made.known` (a preview's last build) spares hashing and looking for unchanged cards;
    what it gives is what looking gives, and a changed card or another folder is looked for."""
    cards = [Card(f"assets/cards/{n}.png", "Site", f"Title {n}", "2024") for n in range(3)]
    first = make_cards(cards, FONTS, str(tmp_path / "a"))
    edited = [*cards[:2], Card("assets/cards/2.png", "Site", "Title 2, edited", "2024")]
    kept = make_cards(edited, FONTS, str(tmp_path / "a"), first.known)
    fresh = make_cards(edited, FONTS, str(tmp_path / "a"))
    assert kept.files == fresh.files and kept.known == fresh.known
    assert (kept.drawn, kept.reused) == (1, 2)
    key = next(k for k in first.known if k[0] == cards[0])  # trusted, not looked for again
    elsewhere = str(tmp_path / "a" / "elsewhere.png")
    trusted = make_cards(cards[:1], FONTS, str(tmp_path / "a"), {key: elsewhere})
    assert trusted.files == {"assets/cards/0.png": elsewhere} and trusted.drawn == 0
    moved = make_cards(edited, FONTS, str(tmp_path / "b"), kept.known)
    assert (moved.drawn, moved.reused) == (3, 0)
    assert all(path.startswith(str(tmp_path / "b")) for path in moved.files.values())
