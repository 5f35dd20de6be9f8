from timeline.check.kinds import KINDS
from timeline.check.registry import group_by_kind, load_registry
from timeline.check.schema import ACTOR_FIELDS


def test_ids_names_and_aliases_resolve_case_insensitively():
    registry, problems = load_registry(
        b"- id: north-korea\n  name: North Korea\n  kind: country\n  aliases: [DPRK]\n", "a.yml"
    )
    assert problems == []
    for name in ("north-korea", "North Korea", "dprk"):
        assert registry.resolve(name) == "north-korea"
    assert registry.resolve("south-korea") is None


def test_unknown_name_gets_the_closest_ids():
    registry, _ = load_registry(
        b"- {id: lloyd-austin, name: Lloyd Austin, kind: person}\n"
        b"- {id: russia, name: Russia, kind: country}\n",
        "a.yml",
    )
    assert registry.suggest("lloyd-austen") == ["lloyd-austin"]


def test_alias_shared_by_two_actors_is_reported_with_its_line():
    _, problems = load_registry(
        b"- id: a\n  name: A\n  kind: person\n  aliases: [Kim]\n"
        b"- id: b\n  name: B\n  kind: person\n  aliases: [Kim]\n",
        "content/actors.yml",
    )
    (problem,) = problems
    assert str(problem).startswith("content/actors.yml:8:")
    assert "'Kim' already names actor 'a'" in problem.message


def test_registry_problems():
    _, problems = load_registry(
        b"- id: A b\n  name: ''\n  kind: alien\n- id: c\n  name: C\n  kind: group\n"
        b"  affiliation: nobody\n- id: c\n  name: C2\n  kind: group\n",
        "r.yml",
    )
    text = "\n".join(str(p) for p in problems)
    assert "id: 'A b' is not an id" in text
    assert "name: is empty" in text
    assert "kind: 'alien' is not a kind" in text
    assert "affiliation: 'nobody' is not an actor id" in text
    assert "duplicate id 'c'" in text


def test_registry_that_is_not_a_list():
    _, problems = load_registry(b"north-korea: North Korea\n", "r.yml")
    assert "must be a list of actors" in problems[0].message


def test_group_by_kind_orders_kinds_and_names():
    registry, _ = load_registry(
        b"- {id: z, name: Zed, kind: person}\n- {id: a, name: Abe, kind: person}\n"
        b"- {id: k, name: Korea, kind: country}\n",
        "r.yml",
    )
    assert [(k, [a.id for a in m]) for k, m in group_by_kind(registry)] == [
        ("person", ["a", "z"]),
        ("country", ["k"]),
    ]


def test_ids_and_names_written_as_numbers_stay_as_written():
    registry, problems = load_registry(
        b"- {id: 007, name: 1914, kind: person, aliases: [0x10]}\n", "r.yml"
    )
    assert problems == []
    assert registry["007"].name == "1914" and registry.resolve("0x10") == "007"


def test_an_id_of_thousands_of_digits_is_a_problem_not_a_crash():
    _, problems = load_registry(
        b"- id: 0x" + b"f" * 4000 + b"\n  name: X\n  kind: person\n"
        b"- id: 0X" + b"F" * 4000 + b"\n  name: Y\n  kind: person\n",
        "r.yml",
    )
    assert [str(p) for p in problems] == [
        "r.yml:1:7: id: '0xffffffffffffffffff…' is 4,002 characters long; an id is at most 100",
        "r.yml:4:7: id: '0XFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF… is not an id; "
        "use a lowercase slug like 'lloyd-austin'",
    ]


def test_an_id_whose_page_is_one_of_the_sites_own_is_reserved():
    registry, problems = load_registry(
        b"- {id: index, name: Index, kind: group}\n- {id: indexes, name: I, kind: group}\n",
        "r.yml",
    )
    assert [str(p) for p in problems] == [
        "r.yml:1:8: id: 'index' is reserved: an actor's page would be actors/index.md, which is "
        "the page listing every actor; choose another id"
    ]
    assert list(registry.actors) == ["indexes"]


def test_a_registry_nested_too_deep_or_with_hidden_line_breaks_is_one_problem():
    deep = b"- id: a\n  name: A\n  kind: person\n  aliases: " + b"[" * 600 + b"]" * 600 + b"\n"
    _, problems = load_registry(deep, "r.yml")
    assert [str(p) for p in problems] == [
        "r.yml:4:31: registry: lists and 'field: value' sets nested more than 20 deep are not "
        "allowed"
    ]
    hidden = "- id: a\n  name: Innocent\u2028  kind: group\n  kind: person\n".encode()
    _, problems = load_registry(hidden, "r.yml")
    assert [str(p) for p in problems] == [
        "r.yml:2:17: registry: the character U+2028 (line separator) is not allowed: YAML reads "
        "it as a line break that editors may not show; remove it"
    ]
    _, problems = load_registry(b"- id: a\n  name: \x1b[2JA\n  kind: person\n", "r.yml")
    assert [str(p) for p in problems] == [
        "r.yml:2:9: registry: the control character U+001B is not allowed; remove it"
    ]


# --- the registry on the field table (schema.ACTOR_FIELDS) -------------------------------------


def problems_of(text: str) -> list[str]:
    return [str(p) for p in load_registry(text.encode(), "r.yml")[1]]


def test_each_actor_is_checked_against_its_field_table():
    assert [f.name for f in ACTOR_FIELDS] == [
        "id",
        "name",
        "kind",
        "aliases",
        "description",
        "affiliation",
    ]
    assert {f.name: f.rule for f in ACTOR_FIELDS} == {
        f.name: KINDS[f.kind].rule for f in ACTOR_FIELDS
    }


def test_unknown_and_missing_fields_are_named_where_they_are():
    assert problems_of("- id: a\n  kind: person\n  nmae: A\n  colour: red\n") == [
        "r.yml:3:3: nmae: unknown field 'nmae'; did you mean 'name'?",
        "r.yml:4:3: colour: unknown field 'colour'; allowed: id, name, kind, aliases, "
        "description, affiliation",
        # where it belongs: below the actor's last line, at its indentation
        "r.yml:5:3: name: is required but missing; add it, e.g. name: Lloyd J. Austin III",
    ]


def test_an_actor_gets_the_defaults_of_its_fields():
    registry, problems = load_registry(b"- {id: a, name: A, kind: group}\n", "r.yml")
    assert problems == []
    assert (registry["a"].aliases, registry["a"].description, registry["a"].affiliation) == (
        (),
        "",
        None,
    )


def test_names_aliases_and_descriptions_are_lines_of_bounded_length():
    long = "x" * 501
    assert problems_of(
        f"- id: a\n  name: {long}\n  kind: person\n  aliases: [{long}]\n  description: {long}\n"
    ) == [
        "r.yml:2:9: name: is 501 characters long; keep it to one line of at most 500 characters",
        "r.yml:4:13: aliases[0]: the alias is 501 characters long; keep it to one line of at "
        "most 500 characters",
        "r.yml:5:16: description: is 501 characters long; keep it to one line of at most 500 "
        "characters",
    ]


def test_an_actor_has_at_most_20_aliases_and_each_is_a_name():
    many = ", ".join(f"a{i}" for i in range(21))
    assert problems_of(f"- {{id: a, name: A, kind: person, aliases: [{many}]}}\n") == [
        "r.yml:1:34: aliases: has 21 aliases; at most 20"
    ]
    assert problems_of("- {id: a, name: A, kind: person, aliases: ['', [b]]}\n") == [
        "r.yml:1:44: aliases[0]: an alias must be a non-empty name",
        "r.yml:1:48: aliases[1]: an alias must be a non-empty name",
    ]
    assert problems_of("- {id: a, name: A, kind: person, aliases: Kim}\n") == [
        "r.yml:1:43: aliases: must be a list, e.g. [Kim]"
    ]


def test_an_id_is_a_whole_slug():
    assert problems_of('- {id: "a\\n", name: A, kind: person}\n') == [
        "r.yml:1:8: id: 'a\\n' is not an id; use a lowercase slug like 'lloyd-austin'"
    ]


def test_an_affiliation_is_another_actors_id_found_by_its_name_too():
    assert problems_of(
        "- {id: north-korea, name: North Korea, kind: country}\n"
        "- {id: kpa, name: Korean People's Army, kind: group, affiliation: North Korea}\n"
        "- {id: b, name: B, kind: group, affiliation: [north-korea]}\n"
    ) == [
        "r.yml:2:67: affiliation: 'North Korea' is not an actor id in the registry; "
        "did you mean 'north-korea'?",
        "r.yml:3:33: affiliation: must be another actor's id",
    ]


def test_an_actor_with_a_problem_is_left_out_and_every_problem_is_still_reported():
    registry, problems = load_registry(
        b"- {id: a, name: A, kind: alien, affiliation: nobody}\n- {id: b, name: B, kind: group}\n",
        "r.yml",
    )
    assert list(registry.actors) == ["b"]
    assert [p.field for p in problems] == ["kind", "affiliation"]


def test_registry_problems_are_in_the_order_of_the_file():
    problems = problems_of(
        "- {id: a, name: A, kind: person, affiliation: zz}\n"
        "- {id: a, name: A2, kind: person}\n- {id: c, kind: person}\n"
    )
    # an actor in braces misses its name at its closing brace
    assert [p.split(": ")[0] for p in problems] == ["r.yml:1:47", "r.yml:2:8", "r.yml:3:23"]
