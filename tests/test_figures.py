"""Figures, follows, measures and eras: how they are read and checked, each problem at its
file, line and column, with "did you mean" for ids."""

from __future__ import annotations

from pathlib import Path

from conftest import ACTORS, entry

from timeline.check.catalogues import load_eras, load_measures
from timeline.check.registry import load_registry
from timeline.dates import PartialDate
from timeline.entry import read_entry
from timeline.loader import load_timeline
from timeline.model import Figure

PATH = "content/events/2024/2024-10-31-x.md"
REL = "events/2024/2024-10-31-x.md"
REGISTRY, _ = load_registry(ACTORS.encode(), "content/actors.yml")
MEASURES = """\
- id: troops-in-russia
  name: North Korean troops sent to Russia
  unit: troops sent to Russia
- id: killed
  name: North Korean soldiers killed
  unit: killed
"""


def check(text: str):
    return read_entry(text.encode(), PATH, REL, REGISTRY)


def figures(*items: str) -> str:
    return "figures:\n" + "".join(f"  - {item}\n" for item in items)


def problems_of(text: str) -> list[str]:
    event, problems = check(text)
    assert event is None
    return [str(p) for p in problems]


def test_a_figure_is_read_with_its_value_qualifier_and_actor_resolved_from_an_alias():
    event, problems = check(
        entry(
            extra=figures(
                "{measure: troops-in-russia, value: 11000, qualifier: about, by: NIS}",
                "{measure: killed, low: 100, high: 300.5, by: Austin, as_of: 2024-10, note: x}",
            )
        )
    )
    assert problems == []
    first, second = event.figures
    assert (first.value, first.qualifier, first.by, first.low) == (11000, "about", "nis", None)
    assert isinstance(first.value, int) and first.at == (7, 15)
    assert (second.low, second.high, second.by) == (100, 300.5, "lloyd-austin")
    assert second.as_of == PartialDate(2024, 10) and second.note == "x"


def test_an_entry_without_figures_or_follows_has_none():
    event, _ = check(entry())
    assert event.figures == () and event.follows == ()


def test_a_number_with_separators_is_refused_with_the_plain_form():
    [problem] = problems_of(entry(extra=figures("{measure: killed, value: '11,000', by: nis}")))
    assert problem == (
        f"{PATH}:7:30: figures[0].value: '11,000': write the number without separators, e.g. 11000"
    )


def test_numbers_that_are_not_counts_are_refused():
    for written, message in [
        ("-5", "'-5' is negative; a stated figure is 0 or more"),
        (".nan", "'.nan' is not a number"),
        ("1e309", "'1e309' is not a number"),
        (".inf", "'.inf' is not a number"),
        ("9" * 16, "'9999999999999999' is not a number; write digits (at most 15)"),
        ("true", "must be a number, e.g. 11000"),
        ("[1, 2]", "must be a number, e.g. 11000"),
    ]:
        [problem] = problems_of(
            entry(extra=figures(f"{{measure: killed, value: {written}, by: nis}}"))
        )
        assert f"figures[0].value: {message}" in problem, (written, problem)


def test_a_figure_gives_a_value_or_a_whole_range_and_never_both():
    cases = {
        "{measure: killed, by: nis}": "7:5: figures[0]: needs a value (value: 11000) or a range",
        "{measure: killed, value: 1, low: 1, high: 2, by: nis}": "figures[0].value: give a value "
        "or a range (low and high), not both",
        "{measure: killed, low: 1, by: nis}": "figures[0].low: a range needs both low and high; "
        "add high",
        "{measure: killed, low: 9, high: 2, by: nis}": "figures[0].low: the range runs "
        "backwards: low 9 is above high 2",
    }
    for item, expected in cases.items():
        [problem] = problems_of(entry(extra=figures(item)))
        assert expected in problem, (item, problem)


def test_unknown_actor_field_and_qualifier_suggest_the_closest():
    found = problems_of(
        entry(extra=figures("{measure: killed, value: 1, by: nsi, qualifer: about}"))
    )
    assert any("figures[0].by: unknown actor 'nsi'; did you mean 'nis'?" in p for p in found)
    assert any("figures[0].qualifer: unknown field 'qualifer'; did you mean 'qualifier'?" in p
               for p in found)  # fmt: skip
    [problem] = problems_of(
        entry(extra=figures("{measure: killed, value: 1, by: nis, qualifier: abut}"))
    )
    assert "is not a qualifier; use one of about, at least, up to, more than; did you mean " \
        "'about'?" in problem  # fmt: skip


def test_a_measure_id_must_be_an_id_and_the_list_is_bounded():
    [problem] = problems_of(entry(extra=figures("{measure: Troops In Russia, value: 1, by: nis}")))
    assert "figures[0].measure: 'Troops In Russia' is not an id" in problem
    many = figures(*["{measure: killed, value: 1, by: nis}"] * 31)
    [problem] = problems_of(entry(extra=many))
    assert problem.endswith("figures: has 31 figures; at most 30")


def test_follows_are_read_and_one_event_is_followed_once():
    follows = "follows:\n  - {event: 2024-10-30-a, as: confirms}\n"
    event, problems = check(entry(extra=follows))
    assert problems == [] and [(f.event, f.outcome) for f in event.follows] == [
        ("2024-10-30-a", "confirms")
    ]
    twice = follows + "  - {event: 2024-10-30-a, as: denies}\n"
    [problem] = problems_of(entry(extra=twice))
    assert "follows[1].event: '2024-10-30-a' is already followed above" in problem
    [problem] = problems_of(entry(extra="follows:\n  - {event: x, as: confirm}\n"))
    assert "follows[0].as: 'confirm' is not a as; use one of confirms" in problem


# --- what only the whole site shows ------------------------------------------------------------


def site(tmp_path: Path, entries: dict[str, str], measures: str = MEASURES) -> Path:
    content = tmp_path / "content"
    (content / "events" / "2024").mkdir(parents=True)
    (content / "actors.yml").write_text(ACTORS, encoding="utf-8")
    if measures is not None:
        (content / "measures.yml").write_text(measures, encoding="utf-8")
    for name, text in entries.items():
        (content / "events" / "2024" / name).write_text(text, encoding="utf-8")
    return content


def problems_of_site(content: Path) -> list[str]:
    timeline = load_timeline(str(content), shown_root=str(content.parent))
    return [str(p) for p in timeline.problems if p.severity != "notice"]


def test_an_unknown_measure_is_an_error_with_the_closest_ids(tmp_path):
    text = entry(date="2024-10-31", extra=figures("{measure: troops-in-rusia, value: 1, by: nis}"))
    content = site(tmp_path, {"2024-10-31-x.md": text})
    assert problems_of_site(content) == [
        f"{PATH}:7:15: figures[0].measure: unknown measure 'troops-in-rusia'; did you mean "
        "'troops-in-russia'?; measures are listed in measures.yml"
    ]
    timeline = load_timeline(str(content))
    assert timeline.events == () and timeline.invalid == (REL,)


def test_follows_must_lead_to_an_earlier_published_event_not_itself(tmp_path):
    def follows(target: str, date: str = "2024-10-31") -> str:
        return entry(date=date, extra=f"follows:\n  - {{event: {target}, as: confirms}}\n")

    content = site(
        tmp_path,
        {
            "2024-10-01-claim.md": entry(date="2024-10-01"),
            "2024-10-02-draft.md": entry(date="2024-10-02", extra="draft: true"),
            "2024-10-31-self.md": follows("2024-10-31-self"),
            "2024-10-31-unknown.md": follows("2024-10-01-clam"),
            "2024-10-31-draft.md": follows("2024-10-02-draft"),
            "2024-10-05-later.md": follows("2024-10-31-good", "2024-10-05"),
            "2024-10-31-good.md": follows("2024-10-01-claim"),
        },
    )
    found = problems_of_site(content)
    where = "content/events/2024/"
    assert found == [
        f"{where}2024-10-05-later.md:7:13: follows[0].event: '2024-10-31-good' (2024-10-31) "
        "comes after this event (2024-10-05); an event follows an earlier one",
        f"{where}2024-10-31-draft.md:7:13: follows[0].event: '2024-10-02-draft' is a draft; "
        "follow a published event",
        f"{where}2024-10-31-self.md:7:13: follows[0].event: an event cannot follow itself; "
        "name the earlier event it answers",
        f"{where}2024-10-31-unknown.md:7:13: follows[0].event: '2024-10-01-clam' is not a "
        "published event's id; did you mean '2024-10-01-claim' or '2024-10-05-later'?",
    ]
    timeline = load_timeline(str(content))
    assert [e.id for e in timeline.events] == ["2024-10-01-claim", "2024-10-31-good"]
    assert [(o, e.id) for o, e in timeline.followed_by["2024-10-01-claim"]] == [
        ("confirms", "2024-10-31-good")
    ]


def test_an_event_left_out_takes_the_events_that_follow_it_out_too(tmp_path):
    bad = entry(date="2024-10-02", extra=figures("{measure: nothing, value: 1, by: nis}"))
    after = entry(date="2024-10-03", extra="follows:\n  - {event: 2024-10-02-bad, as: denies}\n")
    content = site(tmp_path, {"2024-10-02-bad.md": bad, "2024-10-03-after.md": after})
    found = problems_of_site(content)
    assert any("2024-10-03-after.md:7:13: follows[0].event: '2024-10-02-bad' is not published: "
               "it has problems of its own; fix them" in p for p in found)  # fmt: skip
    assert load_timeline(str(content)).events == ()


def test_checking_some_files_only_still_checks_measures(tmp_path):
    text = entry(extra=figures("{measure: nothing, value: 1, by: nis}"))
    content = site(tmp_path, {"2024-10-31-x.md": text})
    timeline = load_timeline(str(content), only=["events/2024/2024-10-31-x.md"])
    assert ["unknown measure 'nothing'" in p.message for p in timeline.problems] == [True]


def test_a_site_without_measures_or_eras_has_none_and_a_figure_then_names_the_file(tmp_path):
    text = entry(extra=figures("{measure: killed, value: 1, by: nis}"))
    content = site(tmp_path, {"2024-10-31-x.md": text}, measures=None)
    timeline = load_timeline(str(content))
    assert timeline.measures == {} and timeline.eras == ()
    assert "measures are listed in measures.yml" in timeline.problems[0].message


# --- the registries ----------------------------------------------------------------------------


def test_measures_are_checked_like_actors():
    text = """\
- id: killed
  name: Killed
  unit: killed
- id: killed
  name: Again
  unit: killed
- id: index
  name: Index
  unit: x
- id: wounded
  name: Wounded
- id: Bad Id
  name: x
  unit: x
  colour: red
"""
    measures, problems = load_measures(text.encode(), "content/measures.yml")
    assert list(measures) == ["killed"]
    assert [str(p) for p in problems] == [
        "content/measures.yml:4:7: id: duplicate id 'killed'; ids must be unique",
        "content/measures.yml:7:7: id: 'index' is reserved: the page figures/index.md lists "
        "every measure",
        "content/measures.yml:12:3: unit: is required but missing; add it, e.g. "
        "unit: troops in Russia",
        "content/measures.yml:12:7: id: 'Bad Id' is not an id; ids are lowercase words joined "
        "by hyphens",
        "content/measures.yml:15:3: colour: unknown field 'colour'; allowed: id, name, unit, "
        "description",
    ]


def test_eras_are_ordered_by_start_and_one_may_stay_open():
    text = """\
- title: Later
  start: 2025-04-26
- title: Earlier
  start: October 2024
  end: 2024-12-15
  description: The first months
- title: Backwards
  start: 2024-12-01
  end: 2024-11
"""
    eras, problems = load_eras(text.encode(), "content/eras.yml")
    assert [(e.title, e.start.iso(), e.end and e.end.iso()) for e in eras] == [
        ("Earlier", "2024-10", "2024-12-15"),
        ("Later", "2025-04-26", None),
    ]
    assert [str(p) for p in problems] == [
        "content/eras.yml:9:8: end: ends (2024-11) before it starts (2024-12-01)"
    ]


def test_a_registry_that_is_not_a_list_or_not_yaml_is_one_problem():
    assert [str(p) for p in load_eras(b"title: x\n", "eras.yml")[1]] == [
        "eras.yml:1:1: eras: the eras file must be a list ('- title: ...')"
    ]
    [problem] = load_measures(b"- id: [unclosed\n", "measures.yml")[1]
    assert problem.path == "measures.yml" and problem.field == "measures"
    assert load_measures(b"", "measures.yml") == ({}, [])
    too_many = "".join(f"- {{title: e{i}, start: 2024}}\n" for i in range(501)).encode()
    assert "has 501 items; at most 500" in str(load_eras(too_many, "eras.yml")[1][0])


def test_a_figure_is_a_plain_value_object():
    figure = Figure("killed", "nis", value=1)
    assert figure.low is None and figure.qualifier is None and figure.at == (1, 1)
