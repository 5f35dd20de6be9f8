# ruff: noqa: F821, B018 - a vulture whitelist is a list of bare names
"""Names `vulture` (dead-code finder, `tests/test_dead_code.py`) cannot see used: each is called
by a framework through an interface, under the name that interface gives it."""

# MkDocs calls every hook with keyword arguments, so the hook's parameters keep their names
dirty  # TimelinePlugin.on_startup(*, command, dirty)
builder  # TimelinePlugin.on_serve(server, *, config, builder)

# PyYAML's resolver calls these with positional arguments; our loader has no path resolvers
current_node  # _Loader.descend_resolver(current_node, current_index)
current_index
