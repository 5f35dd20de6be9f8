"""A deterministic generator of synthetic but realistic timeline entries and their actor registry.

Everything comes from one seeded `random.Random`, so the same N gives the same bytes on every
machine. The people, outlets and URLs are invented (`.example` hosts); nothing here is a fact.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from datetime import date, timedelta

from timeline.model import Actor

SEED = 20241031
EVENTS_PER_YEAR = 1000  # a wire-desk pace: the timeline grows in time as N grows
FIRST_DAY = date(2022, 1, 1)
MONTHS = (
    "January February March April May June July August September October November December"
).split()

COUNTRIES = (
    "North Korea, Russia, Ukraine, South Korea, United States, China, Japan, Belarus, Poland, "
    "Germany, France, United Kingdom, Italy, Spain, Romania, Moldova, Georgia, Kazakhstan, "
    "Mongolia, Iran, Turkey, India, Estonia, Latvia, Lithuania, Finland, Sweden, Norway, Canada, "
    "Australia, Slovakia, Hungary, Czechia, Bulgaria, Greece, Netherlands, Belgium, Denmark, "
    "Austria, Switzerland, Brazil, South Africa"
).split(", ")
FIRST_NAMES = (
    "Min-jun Seo-yeon Ji-ho Hye-jin Dong-hyun Young-soo Sung-min Eun-ji Ivan Olga Dmitri Elena "
    "Sergei Natalia Andriy Oksana Taras Iryna Mykola Yulia John Mary Robert Linda James Karen "
    "Michael Susan Hiroshi Yuki Wei Lin Anna Piotr Katarzyna Marek Sofia Lukas Emma Jonas"
).split()
LAST_NAMES = (
    "Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Ivanov Petrova Smirnov Volkova Kuznetsov "
    "Shevchenko Kovalenko Bondarenko Tkachenko Kravchenko Smith Johnson Brown Miller Davis Wilson "
    "Tanaka Suzuki Wang Zhang Nowak Kowalski Schmidt Weber Dubois Moreau Rossi Garcia Larsen"
).split()
ROLES = (
    "defence minister, foreign minister, intelligence chief, military commander, spokesperson, "
    "ambassador, national security adviser, analyst, regional governor, brigade commander"
).split(", ")
ORG_KINDS = (
    "Ministry of Defence, Foreign Ministry, Intelligence Service, General Staff, Parliament, "
    "Border Guard, State News Agency, Security Council"
).split(", ")
GROUPS = (
    "11th Storm Corps, Northern Volunteer Battalion, Eastern Assault Group, Special Purpose "
    "Regiment 94, Coastal Drone Unit, Kursk Reserve Brigade, Legion of the Steppe, "
    "Border Defence Detachment, Artillery Group North, Engineer Sapper Battalion 7"
).split(", ")
CITIES = (
    "Pyongyang, Moscow, Kyiv, Seoul, Washington, D.C., Beijing, Tokyo, Kursk, Vladivostok, "
    "Khabarovsk, Kharkiv, Sumy, Brussels, Geneva, Warsaw, Berlin, Minsk, New York, Ulan-Ude"
).split(", ")
PUBLISHERS = (
    "Daily Ledger, Northern Wire, Eastern Herald, Capital Courier, Morning Dispatch, "
    "Frontline Report, Global Monitor, Harbour Times, Peninsula Post, Steppe News, Evening Record, "
    "The Observer Desk, Open Source Review, Policy Brief Weekly, Signal & Noise"
).split(", ")
TAGS = (
    "north-korean-troops, diplomacy, sanctions, artillery, missiles, drones, casualties, "
    "prisoners-of-war, intelligence, treaty, kursk, training, logistics, arms-transfers, "
    "united-nations, statements, satellite-imagery, propaganda, defections, economy, "
    "energy, cyber, maritime, air-defence, negotiations"
).split(", ")
VERBS = (
    "says, confirms, denies, reports, warns, announces, claims, disputes, signs, meets, visits, "
    "deploys, withdraws, sanctions, condemns, releases, intercepts, shells, captures, trains"
).split(", ")
OBJECTS = (
    "troop movements near the border, a new round of sanctions, the transfer of artillery shells, "
    "a defence cooperation treaty, captured soldiers, drone attacks on supply lines, "
    "casualty figures from the front, satellite images of a training ground, "
    "talks on a ceasefire, a shipment of ballistic missiles, the arrival of engineers, "
    "a joint military exercise, an intelligence assessment, the use of interpreters, "
    "reinforcements for the Kursk offensive, reports of heavy losses"
).split(", ")
WORDS = (
    "the of and to in a that for on with as by at from officials said according statement "
    "reported forces troops soldiers border front region government ministry defence military "
    "intelligence sources report week month year early late announced confirmed denied claimed "
    "footage images analysts estimate thousands hundreds units battalion brigade artillery "
    "shells missiles drones supply lines logistics training exercise deployment withdrawal "
    "agreement treaty cooperation sanctions talks negotiations ceasefire offensive defensive "
    "positions villages towns oblast province capital spokesperson minister president envoy "
    "council meeting press conference briefing interview channel newspaper agency wire "
    "independent verify verified could not be independently confirmed satellite commercial "
    "evidence documents intercepted radio communications prisoners captured wounded killed "
    "casualties losses figures estimates range between about roughly more than fewer than "
    "while however although meanwhile later earlier since after before during amid despite"
).split()
QUOTES = (
    "We will respond to any provocation with all the means at our disposal",
    "These reports are false and intended to mislead the public",
    "The situation on the ground remains fluid and difficult to verify",
    "Our partners have been informed of the movements we observed",
    "This is a significant escalation and a violation of international law",
)


@dataclass(frozen=True)
class Corpus:
    """The generated content: the registry text and every entry as (path in content, text)."""

    registry: str
    entries: tuple[tuple[str, str], ...]
    actor_ids: tuple[str, ...]
    places: str = ""
    """The place registry's text (places.yml): the cities, at invented coordinates."""
    images: tuple[tuple[str, bytes], ...] = ()
    """Image files the entries show (path in content, bytes)."""
    measures: str = ""
    """`measures.yml`: what the entries' figures count."""
    eras: str = ""
    """`eras.yml`: a named period per half year of the span."""


MEASURES = (
    ("troops-sent", "Troops sent", "troops sent"),
    ("troops-at-front", "Troops at the front", "troops at the front"),
    ("casualties", "Casualties, killed and wounded", "killed or wounded"),
    ("killed", "Killed", "killed"),
    ("drones-launched", "Drones launched", "drones launched"),
)
QUALIFIER_WORDS = ("about", "at least", "up to", "more than")
OUTCOME_WORDS = ("confirms", "denies", "disputes", "corrects", "updates")


def measures_text() -> str:
    return "".join(
        f"- id: {m}\n  name: {name}\n  unit: {unit}\n  description: {_q(name + ', as stated')}\n"
        for m, name, unit in MEASURES
    )


def eras_text(first: date, last: date) -> str:
    """One era per half year from the first day to the last, the last one open."""
    lines, start, number = [], date(first.year, 1, 1), 1
    while start <= last:
        end = date(start.year, 6, 30) if start.month == 1 else date(start.year, 12, 31)
        lines.append(f"- title: Phase {number}\n  start: {start.isoformat()}")
        if end < last:
            lines.append(f"  end: {end.isoformat()}")
        lines.append(f"  description: {_q(f'The events of phase {number}')}")
        start, number = end + timedelta(days=1), number + 1
    return "\n".join(lines) + "\n"


def _figures(rng: random.Random, cast: list[Actor], day: date) -> list[str]:
    """Figures stated by the entry's actors, in about one entry in six."""
    if rng.random() >= 0.16:
        return []
    lines = ["figures:"]
    for _ in range(rng.choice((1, 1, 2, 3))):
        measure = rng.choice(MEASURES)[0]
        base = rng.randint(1, 400) * 50
        item = f"  - {{measure: {measure}, by: {rng.choice(cast).id}"
        if rng.random() < 0.2:
            item += f", low: {base}, high: {base + rng.randint(1, 20) * 50}"
        else:
            item += f", value: {base}"
        if rng.random() < 0.6:
            item += f", qualifier: {rng.choice(QUALIFIER_WORDS)}"
        if rng.random() < 0.15:
            item += f", as_of: {(day - timedelta(days=rng.randint(1, 20))).isoformat()}"
        lines.append(item + "}")
    return lines


def _follows(rng: random.Random, earlier: list[str]) -> str:
    """An earlier event this one answers, in about one entry in twenty."""
    if not earlier or rng.random() >= 0.05:
        return ""
    target = rng.choice(earlier[-50:])
    return f"follows:\n  - {{event: {target}, as: {rng.choice(OUTCOME_WORDS)}}}\n"


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def make_registry(rng: random.Random) -> list[Actor]:
    """About 300 actors: countries, people, organizations and groups, with aliases."""
    actors: list[Actor] = []
    taken: set[str] = set()

    def add(actor: Actor) -> None:
        names = {actor.id, actor.name.casefold(), *(a.casefold() for a in actor.aliases)}
        if names & taken:
            actor = Actor(
                actor.id, actor.name, actor.kind, (), actor.description, actor.affiliation
            )
            names = {actor.id, actor.name.casefold()}
            if names & taken:
                return
        taken.update(names)
        actors.append(actor)

    for country in COUNTRIES:
        short = "".join(w[0] for w in country.split()) if " " in country else ""
        add(Actor(slugify(country), country, "country", (short,) if short else (), "", None))
    countries = [a.id for a in actors]
    for country in countries[:20]:
        for org in rng.sample(ORG_KINDS, 3):
            name = f"{org} of {actors[countries.index(country)].name}"
            add(Actor(slugify(name), name, "organization", (), "", country))
    for index in range(200):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        name = f"{first} {last}" if index % 3 else f"{last} {first}"
        country = rng.choice(countries[:12])
        actor_id = slugify(name)
        if actor_id in taken:
            actor_id = f"{actor_id}-{index}"
        role = rng.choice(ROLES)
        country_name = actors[countries.index(country)].name
        aliases = (f"{name} ({role})",) if index % 4 == 0 else ()
        add(Actor(actor_id, name, "person", aliases, f"{country_name} {role}", country))
    for group in GROUPS:
        add(Actor(slugify(group), group, "group", (), "A unit named in reports", None))
    return actors


def registry_text(actors: list[Actor]) -> str:
    lines = []
    for a in actors:
        lines.append(f"- id: {a.id}\n  name: {_q(a.name)}\n  kind: {a.kind}\n")
        if a.aliases:
            lines.append(f"  aliases: [{', '.join(_q(x) for x in a.aliases)}]\n")
        if a.description:
            lines.append(f"  description: {_q(a.description)}\n")
        if a.affiliation:
            lines.append(f"  affiliation: {a.affiliation}\n")
    return "".join(lines)


def _sentence(rng: random.Random, names: list[str], low: int = 10, high: int = 25) -> str:
    words = rng.choices(WORDS, k=rng.randint(low, high))
    if names and rng.random() < 0.5:
        words.insert(rng.randrange(len(words)), rng.choice(names))
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def _paragraph(rng: random.Random, names: list[str], limit: int) -> tuple[str, int]:
    sentences, count, length = [], 0, min(rng.randint(40, 110), limit)
    while count < length:
        sentence = _sentence(rng, names)
        sentences.append(sentence)
        count += len(sentence.split())
    if rng.random() < 0.3:
        i = rng.randrange(len(sentences))
        sentences[i] = f"**{sentences[i][:-1]}**."
    return " ".join(sentences), count


def _body(rng: random.Random, names: list[str], url: str) -> str:
    """300–600 words of Markdown: paragraphs, sometimes a heading, a quote, a list and a link."""
    target = rng.randint(295, 555)
    blocks, words = [], 0
    while words < target:
        kind = rng.random()
        if blocks and kind < 0.08:
            quote = rng.choice(QUOTES)
            blocks.append(f'> "{quote}," {rng.choice(names)} said.')
            words += len(quote.split()) + 3
        elif blocks and kind < 0.14:
            items = [_sentence(rng, names, 5, 10) for _ in range(3)]
            blocks.append("\n".join(f"- {item}" for item in items))
            words += sum(len(i.split()) for i in items)
        elif blocks and kind < 0.18:
            blocks.append(f"## {rng.choice(['Background', 'Reactions', 'What we know'])}")
        else:
            text, count = _paragraph(rng, names, max(20, target - words - 15))
            blocks.append(text)
            words += count
    blocks.append(f"First reported by [the source]({url}).")
    return "\n\n".join(blocks)


def _date_text(rng: random.Random, day: date) -> tuple[str, str, str | None]:
    """(front-matter date, file-name date, end) at a mixed precision, sometimes a span."""
    roll = rng.random()
    end = None
    if roll < 0.03:
        text, stem = str(day.year), str(day.year)
    elif roll < 0.15:
        text, stem = day.strftime("%Y-%m"), day.strftime("%Y-%m")
        if rng.random() < 0.15:
            last = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
            end = last.strftime("%Y-%m")
    elif roll < 0.23:
        offset = rng.choice(("+09:00", "+03:00", "Z", "-04:00", "+02:00"))
        text = (
            f"{day.isoformat()}T{rng.randint(0, 23):02d}:{rng.choice((0, 15, 30, 45)):02d}{offset}"
        )
        stem = day.isoformat()
    elif roll < 0.26:
        text, stem = f"{day.day} {MONTHS[day.month - 1]} {day.year}", day.isoformat()
    else:
        text, stem = day.isoformat(), day.isoformat()
        if rng.random() < 0.1:
            end = (day + timedelta(days=rng.randint(1, 20))).isoformat()
    return text, stem, end


def make_entry(rng: random.Random, day: date, actors: list[Actor], weights: list[float]):
    """One entry's (file-name date stem, slug, text)."""
    cast: list[Actor] = []
    while len(cast) < rng.choice((1, 2, 2, 3, 3, 3, 4, 4, 5, 7)):
        actor = rng.choices(actors, weights)[0]
        if actor not in cast:
            cast.append(actor)
    names = [a.name for a in cast]
    title = f"{names[0]} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    if len(names) > 1 and rng.random() < 0.4:
        title = f"{names[0]} and {names[1]} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    if rng.random() < 0.05:
        title += ': "we won\'t stop" & more'
    date_text, stem, end = _date_text(rng, day)
    refs = [
        a.aliases[0] if a.aliases and rng.random() < 0.3 else a.id for a in cast
    ]  # contributors name actors by id or alias
    summary = " ".join(_sentence(rng, names, 12, 22) for _ in range(rng.randint(1, 3)))
    lines = [
        "---",
        f"title: {_q(title)}",
        f"date: {_q(date_text) if ' ' in date_text else date_text}",
    ]
    if end:
        lines.append(f"end: {end}")
    if rng.random() < 0.05:
        lines.append("circa: true")
    lines.append(f"actors: [{', '.join(_q(r) if ' ' in r else r for r in refs)}]")
    if rng.random() < 0.7:
        city = rng.choice(CITIES)
        lines.append(f"location: {_q(city)}")
        lines.append(f"places: [{slugify(city)}]")  # the place registry's id of the city
    status = rng.choices(
        ("reported", "confirmed", "claimed", "disputed", "denied"), (50, 25, 12, 8, 5)
    )
    lines.append(f"status: {status[0]}")
    lines.append(f"summary: >\n  {summary}")
    lines.append("sources:")
    first_url = ""
    for index in range(rng.choice((1, 1, 2, 2, 3, 4))):
        publisher = rng.choice(PUBLISHERS)
        url = f"https://www.{slugify(publisher)}.example/{day:%Y/%m/%d}/{slugify(title)[:60]}"
        first_url = first_url or url
        lines.append(f"  - publisher: {_q(publisher)}")
        lines.append(f"    title: {_q(f'{title} ({index + 1})')}")
        lines.append(f"    url: {url}")
        lines.append(f"    published: {(day + timedelta(days=rng.randint(0, 3))).isoformat()}")
        if rng.random() < 0.3:
            lines.append(f"    archived: https://web.archive.org/web/{day:%Y%m%d}000000/{url}")
    tags = rng.sample(TAGS, rng.choice((0, 1, 1, 2, 2, 3)))
    if tags:
        lines.append(f"tags: [{', '.join(tags)}]")
    if rng.random() < 0.03:
        lines.append("key: true")
    if rng.random() < 0.05:
        lines.append("updates:")
        lines.append(f"  - date: {(day + timedelta(days=rng.randint(1, 30))).isoformat()}")
        lines.append(f"    note: {_q(_sentence(rng, names, 6, 14))}")
    lines += _figures(rng, cast, day)
    lines.append("---")
    text = "\n".join(lines) + "\n\n" + _body(rng, names, first_url) + "\n"
    slug = "-".join(slugify(title).split("-")[:5])
    return stem, slug, text


def generate(n: int, seed: int = SEED) -> Corpus:
    """N entries spread over N / EVENTS_PER_YEAR years, with a registry of about 300 actors."""
    rng = random.Random(f"{seed}:{n}")
    actors = make_registry(rng)
    # a few actors (the countries at war) appear in most events; most actors rarely (Zipf-like)
    order = actors[:3] + rng.sample(actors[3:], len(actors) - 3)
    weights = [1.0 / (rank + 1) ** 1.1 for rank in range(len(order))]
    span = max(31, n * 365 // EVENTS_PER_YEAR)
    days = sorted(FIRST_DAY + timedelta(days=rng.randrange(span)) for _ in range(n))
    entries, used, images = [], set(), []
    earlier: list[tuple[date, str]] = []  # date-only entries: (day, id)
    pictures = random.Random(f"{seed}:{n}:images")  # its own draws: the entries stay the same
    for day in days:
        stem, slug, text = make_entry(rng, day, order, weights)
        if pictures.random() < IMAGE_SHARE:
            name = f"events/images/picture-{len(images) + 1}.jpg"
            images.append((name, picture(pictures)))
            text = text.replace("\nstatus:", f"\n{IMAGE.format(src='../' + name[7:])}\nstatus:", 1)
        path = f"events/{stem[:4]}/{stem}-{slug}.md"
        suffix = 2
        while path in used:
            path = f"events/{stem[:4]}/{stem}-{slug}-{suffix}.md"
            suffix += 1
        used.add(path)
        # a day-precision entry may answer an earlier one (earlier days only: never a later one)
        # two days earlier at least: an entry with a time late on the day before, west of UTC,
        # starts on this entry's day in UTC, after it
        answerable = [name for on, name in earlier[-80:] if (day - on).days >= 2]
        if len(stem) == 10 and (follows := _follows(rng, answerable)):
            text = text.replace("\n---\n\n", "\n" + follows + "---\n\n", 1)
        if len(stem) == 10:
            earlier.append((day, path.rsplit("/", 1)[-1].removesuffix(".md")))
        entries.append((path, text))
    places = places_text(random.Random(f"{seed}:places"))
    eras = eras_text(days[0], days[-1]) if days else ""
    actor_ids = tuple(a.id for a in actors)
    return Corpus(
        registry_text(actors), tuple(entries), actor_ids, places, tuple(images),
        measures_text(), eras,
    )  # fmt: skip


IMAGE_SHARE = 0.05
IMAGE = """image:
  src: {src}
  alt: A generated picture for the benchmark
  caption: Generated for the benchmark.
  credit: The benchmark's generator"""


def picture(rng: random.Random) -> bytes:
    """A made-up 1,600 × 1,000 JPEG (a photo's proportions): two colours blended."""
    import io

    from PIL import Image

    first, second = (tuple(rng.randrange(256) for _ in range(3)) for _ in range(2))
    mask = Image.linear_gradient("L").resize((1600, 1000))
    image = Image.composite(
        Image.new("RGB", mask.size, first), Image.new("RGB", mask.size, second), mask
    )
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def places_text(rng: random.Random) -> str:
    """The place registry: each city of `CITIES` at made-up coordinates (a benchmark needs
    places spread over a map, not true ones)."""
    blocks = []
    for city in CITIES:
        lat, lon = rng.uniform(-50, 70), rng.uniform(-170, 170)
        blocks.append(
            f"- id: {slugify(city)}\n  name: {_q(city)}\n  kind: city\n"
            f"  lat: {lat:.2f}\n  lon: {lon:.2f}\n"
        )
    return "".join(blocks)
