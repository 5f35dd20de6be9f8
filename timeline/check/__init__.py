"""Entries to validated events and problems: the one front-matter schema, the rules of each
kind of value, the write-up's checks, the actor registry, and what is derived from the schema
(the JSON Schema for editors, the field docs)."""
