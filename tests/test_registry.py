from timeline.check.registry import group_by_kind, load_registry


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
