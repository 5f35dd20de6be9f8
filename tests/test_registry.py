from timeline.registry import group_by_kind, load_registry


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
    assert "name: every actor needs a name" in text
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
