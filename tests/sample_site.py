"""A realistic generated site for browser tests: about 50 events over 2024–2025 with several
actors, tags (some with spaces), every status, key events, a span, and month-, year- and
time-precision dates. Deterministic: the same seed gives the same files."""

from __future__ import annotations

import random
from pathlib import Path

from conftest import ACTORS, Site, entry

EXTRA_ACTORS = """\
- id: ukraine
  name: Ukraine
  kind: country
- id: south-korea
  name: South Korea
  kind: country
  aliases: [ROK]
- id: kim-jong-un
  name: Kim Jong Un
  kind: person
  description: Leader of North Korea
  affiliation: north-korea
- id: vladimir-putin
  name: Vladimir Putin
  kind: person
  description: President of Russia
  affiliation: russia
- id: volodymyr-zelensky
  name: Volodymyr Zelensky
  kind: person
  description: President of Ukraine
  affiliation: ukraine
- id: gur
  name: Defence Intelligence of Ukraine
  kind: organization
  aliases: [GUR]
  affiliation: ukraine
- id: kpa
  name: Korean People's Army
  kind: group
  affiliation: north-korea
"""

QUALIFIERS = ["about", "at least"]
MEASURES = """\
- id: troops
  name: Troops sent
  unit: troops sent
  description: How many troops had been sent, as each source put it
- id: killed
  name: Soldiers killed
  unit: killed
"""
ERAS = """\
- title: Build-up
  start: 2024-06
  end: 2024-10-31
  description: The first months
- title: Fighting
  start: 2024-11
"""

MKDOCS_YML = """\
site_name: Sample timeline
site_description: A generated timeline for browser tests.
site_url: {site_url}
docs_dir: content
theme:
  name: material
  font: false
  features:
    - navigation.instant
    - navigation.top
    - search.highlight
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
      toggle:
        icon: material/weather-night
        name: Switch to dark mode
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      toggle:
        icon: material/weather-sunny
        name: Switch to light mode
plugins:
  - search
  - tags
  - timeline:
      year_pages_after: {year_pages_after}
      main_page_events: {main_page_events}
      standfirst: What the sample timeline knows, in one line.
      status_help: about.md#what-each-status-means
nav:
  - Home: index.md
  - Timeline: timeline/index.md
  - Actors: actors/index.md
  - Places: places/index.md
  - Tags: tags.md
  - About: about.md
"""

ABOUT = """\
# About

## What each status means

- **confirmed**: on the record.
- **reported**: passed on by the media.
- **claimed**: asserted, unconfirmed.
- **disputed**: contested.
- **denied**: denied.
"""

HOME = """\
# Sample timeline

<!-- timeline:standfirst -->

A generated timeline. Read the [timeline](timeline/index.md).

<!-- timeline:overview -->

## Key events

<!-- timeline:key-events -->

## Latest additions

<!-- timeline:latest 4 -->
"""

ACTOR_IDS = (
    "north-korea russia ukraine south-korea united-states kim-jong-un vladimir-putin "
    "volodymyr-zelensky lloyd-austin antony-blinken nis gur kpa"
).split()
TAGS = ["kursk", "casualties", "diplomacy", "prisoners of war", "intelligence", "weapons"]
STATUSES = ["confirmed", "reported", "reported", "claimed", "disputed", "denied"]
PLACES = ["Kursk Oblast", "Pyongyang", "Moscow", "Seoul", "Kyiv", "Washington, D.C."]
PLACE_REGISTRY = """\
- {id: kursk-oblast, name: Kursk Oblast, kind: region, lat: 51.72, lon: 36.18}
- {id: pyongyang, name: Pyongyang, kind: city, lat: 39.02, lon: 125.74}
- {id: moscow, name: Moscow, kind: city, lat: 55.76, lon: 37.62}
- {id: seoul, name: Seoul, kind: city, lat: 37.56, lon: 126.99}
- {id: kyiv, name: Kyiv, kind: city, lat: 50.45, lon: 30.52}
- {id: washington, name: "Washington, D.C.", kind: city, lat: 38.90, lon: -77.02}
"""
IMAGE = """image:
  src: ../images/picture.png
  alt: Two colours blended, a picture for the tests
  caption: A generated picture.
  credit: The test suite
  license: CC0"""


def picture() -> bytes:
    import io

    from PIL import Image

    mask = Image.linear_gradient("L").resize((1200, 800))
    blend = Image.composite(
        Image.new("RGB", mask.size, "#2a6"), Image.new("RGB", mask.size, "#135"), mask
    )
    out = io.BytesIO()
    blend.save(out, "PNG")
    return out.getvalue()


def write_sample_site(
    root: Path,
    events: int = 50,
    seed: int = 5,
    year_pages_after: int = 200,
    main_page_events: int = 50,
    site_url: str = "https://example.org/sample/",
    language: str = "en",
) -> Site:
    """Write the sample site under `root` (not built); `language`: the theme's (the timeline's
    words, dates and counts follow it; the content stays English)."""
    rng = random.Random(seed)
    site = Site(root)
    root.mkdir(parents=True, exist_ok=True)
    config = MKDOCS_YML.format(
        year_pages_after=year_pages_after, main_page_events=main_page_events, site_url=site_url
    )
    if language != "en":
        config = config.replace("  name: material\n", f"  name: material\n  language: {language}\n")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    site.write("index.md", HOME)
    site.write("tags.md", "# Tags\n\n<!-- material/tags -->\n")
    site.write("about.md", ABOUT)
    site.write("actors.yml", ACTORS + EXTRA_ACTORS)
    site.write("places.yml", PLACE_REGISTRY)
    site.write("events/images/picture.png", picture())
    site.write("measures.yml", MEASURES)
    site.write("eras.yml", ERAS)
    days: list[tuple[str, str]] = []  # (date, id) of the day-precision events written so far
    figures_rng = random.Random(seed + 1)  # apart: the events stay as they were without figures
    for n in range(events):
        year = 2024 if n < events * 0.6 else 2025
        month = rng.randint(6, 12) if year == 2024 else rng.randint(1, 11)
        day = rng.randint(1, 28)
        date = f"{year}-{month:02d}-{day:02d}"
        extra = [f"status: {rng.choice(STATUSES)}", f"location: {rng.choice(PLACES)}"]
        extra.append(f"places: ['{extra[1].removeprefix('location: ')}']")  # by its name
        if n == 20 and year == 2024:
            extra.append(IMAGE)
        if n % 7 == 3:
            date = f"{year}-{month:02d}"  # month precision
        if n == 5:
            date = "2024"  # year precision
        if n == 8:
            date = f"{year}-{month:02d}-{day:02d}T14:30+03:00"
        if n == 11:
            extra.append(f"end: {year}-{month:02d}-{min(day + 3, 28):02d}")
        if n in (2, 17, 40):
            extra.append("key: true")
        if n % 5 == 1:  # figures, stated by the event's first actor after North Korea
            value, qualifier = figures_rng.randint(1, 40) * 500, figures_rng.choice(QUALIFIERS)
            figure = f"{{measure: troops, value: {value}, qualifier: {qualifier}, by: {{by}}}}"
            if n % 3 == 0:
                figure = f"{{measure: troops, low: {value}, high: {value + 1000}, by: {{by}}}}"
            extra.append("figures:\n  - " + figure)
        earlier = [(d, i) for d, i in days if d <= date[:10]] if len(date) == 10 else []
        if n % 6 == 4 and earlier:
            extra.append(f"follows:\n  - {{event: {earlier[-1][1]}, as: confirms}}")
        tags = rng.sample(TAGS, rng.randint(0, 2))
        if tags:
            extra.append("tags: [" + ", ".join(tags) + "]")
        actors = ["north-korea", *rng.sample(ACTOR_IDS[1:], rng.randint(1, 3))]
        title = f"Event {n:02d}, {rng.choice(['Report', 'Statement', 'Strike', 'Briefing'])}"
        if n == 13:
            title = 'Officials say troops & "advisers" are in Kursk'
        slug = f"{date[:10]}-event-{n:02d}"
        extra = [line.replace("{by}", actors[1]) for line in extra]
        if len(date) == 10:
            days.append((date, slug))
        site.write(
            f"events/{year}/{slug}.md",
            entry(
                title=f"'{title}'" if '"' in title else title,
                date=date,
                actors="[" + ", ".join(actors) + "]",
                summary=f"Summary of event {n:02d}, with actors {', '.join(actors)}.",
                extra="\n".join(extra),
                sources=(
                    f"\n  - publisher: Publisher {n % 5}\n"
                    f"    title: Source headline {n:02d}\n"
                    f"    url: https://news.example.com/{n:02d}\n"
                    f"    published: {date[:10] if len(date) >= 10 else date}\n"
                ),
            ),
        )
    return site


def built_in(language: str, root: Path, site_url: str = "https://example.org/sample/") -> Path:
    """The sample site built (strictly) with `theme.language: language` under `root`, once: its
    `site/` folder. The e2e tests of the languages and the browser tests share the builds (the
    session's `language_root`)."""
    out = root / language / "site"
    if not (out / "index.html").exists():
        site = write_sample_site(root / language, site_url=site_url, language=language)
        result = site.build(strict=True)
        assert result.returncode == 0, result.stdout
    return out
