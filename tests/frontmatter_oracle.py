"""The front-matter converter as first written, the plainest reading of its rules: recursion over
PyYAML's nodes from the stock safe loader. `timeline/read/frontmatter.py` is written for speed and
must agree with it on every input: data, positions and every refusal (test_frontmatter.py).
Field names and messages are written by the module's own helpers, which are not in question, and
so is its search of parser events for nesting that the composer gave up on."""

from __future__ import annotations

from typing import Any

import yaml

from timeline.read.frontmatter import (
    MAX_DEPTH,
    TOO_DEEP,
    FrontMatterError,
    _field_name,
    too_deep,
    unseen_message,
)

TAG = "tag:yaml.org,2002:"
ALLOWED = {
    TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
}
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the same parser, so the same errors


def unseen(text: str, first_line: int) -> None:
    """Refuse, at its line and column, a character YAML reads as a line break an editor does not
    show (U+0085, U+2028, U+2029) or one PyYAML cannot read (controls but tab and breaks, DEL,
    surrogates, U+FFFE, U+FFFF)."""
    line, column = first_line, 1
    for char in text:
        if char == "\n":
            line, column = line + 1, 1
            continue
        code = ord(char)
        if (
            (code < 0x20 and char not in "\t\r")
            or 0x7F <= code <= 0x9F
            or 0xD800 <= code <= 0xDFFF
            or code in (0xFFFE, 0xFFFF, 0x2028, 0x2029)
        ):
            raise FrontMatterError(unseen_message(char), line, column)
        column += 1


def convert_yaml(text: str, first_line: int) -> tuple[Any, dict, dict]:
    """(data, positions, key_positions) of a YAML text, or `FrontMatterError`."""
    positions: dict = {}
    key_positions: dict = {}
    seen: set[int] = set()

    def where(node) -> tuple[int, int]:
        return node.start_mark.line + first_line, node.start_mark.column + 1

    def fail(node, message: str, path: tuple) -> FrontMatterError:
        return FrontMatterError(message, *where(node), _field_name(path))

    def first_alias() -> tuple[int, int] | None:
        for event in yaml.parse(text, Loader=LOADER):
            if isinstance(event, yaml.AliasEvent):
                return event.start_mark.line + first_line, event.start_mark.column + 1
        return None

    def convert(node, path: tuple) -> Any:
        if id(node) in seen:
            message = "YAML aliases (*name) are not allowed; write the value out in full"
            raise FrontMatterError(message, *(first_alias() or where(node)), _field_name(path))
        seen.add(id(node))
        positions[path] = where(node)
        if node.tag not in ALLOWED:
            raise fail(
                node,
                f"the YAML tag {node.tag.replace(TAG, '!!')} is not allowed; "
                "write plain text, numbers, true/false, lists and 'field: value' pairs",
                path,
            )
        if not isinstance(node, yaml.ScalarNode) and len(path) > MAX_DEPTH:
            field = path[0] if path and isinstance(path[0], str) else "front matter"
            raise FrontMatterError(TOO_DEEP, *where(node), field)
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if (
                    not isinstance(key_node, yaml.ScalarNode)
                    or key_node.tag == TAG + "null"
                    or key_node.tag not in ALLOWED
                ):
                    raise fail(key_node, "a field name must be plain text", path)
                key = key_node.value
                if id(key_node) in seen:  # a field name written as an alias, or reused as one
                    message = "YAML aliases (*name) are not allowed; write the value out in full"
                    line, column = first_alias() or where(key_node)
                    raise FrontMatterError(message, line, column, _field_name(path + (key,)))
                seen.add(id(key_node))
                if key in result:
                    raise fail(key_node, f"'{key}' is given twice; keep one", path + (key,))
                key_positions[path + (key,)] = where(key_node)
                result[key] = convert(value_node, path + (key,))
                if not isinstance(value_node, yaml.ScalarNode):
                    positions[path + (key,)] = where(key_node)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [convert(item, path + (i,)) for i, item in enumerate(node.value)]
        if node.tag == TAG + "bool":  # PyYAML's own words for true and false
            return yaml.constructor.SafeConstructor.bool_values.get(node.value.lower(), node.value)
        if node.tag == TAG + "null":
            return None
        return node.value  # text, numbers and timestamps: the text as written

    unseen(text, first_line)
    try:
        node = yaml.compose(text, Loader=LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or "invalid YAML"
        if "nesting depth" in problem:
            line, column = (mark.line, mark.column) if mark else (0, 0)
            deep = too_deep(text, first_line)
            raise deep or FrontMatterError(TOO_DEEP, line + first_line, column + 1) from None
        if "'\\t'" in problem or "tab character" in problem:
            problem += "; indent with spaces, not tabs"
        line, column = (mark.line, mark.column) if mark else (0, 0)
        raise FrontMatterError(f"YAML error: {problem}", line + first_line, column + 1) from None
    except yaml.YAMLError as error:
        raise FrontMatterError(f"YAML error: {error}", first_line, 1) from None
    return (None if node is None else convert(node, ())), positions, key_positions
