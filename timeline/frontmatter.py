"""Read a Markdown file's YAML front matter safely, keeping the line and column of every value.

YAML is composed (never constructed) with PyYAML's C parser where available, then turned into
plain Python here: only the core YAML types, no object-building tags, no aliases, no duplicate
keys, and timestamps stay text so that `dates.py` sees dates exactly as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

try:  # the C composer is several times faster; marks are the same
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _SafeLoader


class _Loader(_SafeLoader):
    """The safe loader, with the implicit tag of each plain scalar remembered: resolving is a
    pure function of (kind, value, implicit) that PyYAML runs in Python, once per scalar, and
    entries repeat the same ids, names and dates (a third of `timeline check`'s time at 10,000)."""

    _resolved: dict[tuple, str] = {}

    def resolve(self, kind, value, implicit):  # noqa: ANN001 - PyYAML's signature
        key = (kind, value, implicit)
        tag = self._resolved.get(key)
        if tag is None:
            tag = super().resolve(kind, value, implicit)
            if len(self._resolved) < 200_000:  # bounded: a hostile file cannot grow it forever
                self._resolved[key] = tag
        return tag


Path = tuple[str | int, ...]

_OPEN = re.compile(r"^---[ \t]*$")
_CLOSE = re.compile(r"^(---|\.\.\.)[ \t]*$")
_TAG = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {
    _TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
}
_BOOL, _NULL, _INT, _FLOAT = (_TAG + name for name in ("bool", "null", "int", "float"))


class FrontMatterError(ValueError):
    """The file's front matter cannot be read at all; carries the 1-based line and column."""

    def __init__(self, message: str, line: int = 1, column: int = 1, field: str = "front matter"):
        super().__init__(message)
        self.message, self.line, self.column, self.field = message, line, column, field


@dataclass(frozen=True, slots=True)
class Document:
    """A Markdown file split into its front matter (plain data) and body.

    `positions` maps a path into `data` (`("sources", 0, "url")`) to its 1-based (line, column).
    """

    data: dict[str, Any]
    body: str
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    body_line: int = 1
    key_positions: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def position(self, *path: str | int) -> tuple[int, int]:
        """The closest known position of a path: the value, else its parent, else line 1."""
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), (1, 1))


def decode(raw: bytes) -> str:
    """Bytes to text: UTF-8 (a BOM is dropped), line endings normalised to '\\n'."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise FrontMatterError(
            f"the file is not UTF-8 (byte 0x{raw[error.start]:02x} at offset {error.start}); "
            "save it as UTF-8",
            line,
            column,
            "encoding",
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def loads(text: str) -> Document:
    """Split text into front matter and body; raise `FrontMatterError` if there is none to read."""
    if not text.strip():
        raise FrontMatterError("the file is empty; an event needs front matter between '---' lines")
    lines = text.split("\n")
    if not _OPEN.match(lines[0]):
        raise FrontMatterError(
            "the file does not start with front matter: its first line must be '---'"
        )
    for index in range(1, len(lines)):
        if _CLOSE.match(lines[index]):
            break
    else:
        raise FrontMatterError(
            "the front matter is not closed: add a line '---' after the last field",
            len(lines),
        )
    yaml_text = "\n".join(lines[1:index]) + "\n"
    body = "\n".join(lines[index + 1 :])
    converter = _Converter(first_line=2)
    data = converter.run(yaml_text)
    positions = converter.positions
    if data is None:
        data = {}
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        raise FrontMatterError(
            f"the front matter is {kind}, not a set of 'field: value' lines", 2, 1
        )
    return Document(data, body, positions, index + 2, converter.key_positions)


def load(raw: bytes) -> Document:
    """`loads` for bytes read from a file."""
    return loads(decode(raw))


def parse_yaml(text: str, first_line: int = 1) -> tuple[Any, dict[Path, tuple[int, int]]]:
    """Compose YAML and convert it to plain data with positions (lines offset by first_line)."""
    converter = _Converter(first_line)
    return converter.run(text), converter.positions


class _Converter:
    """Nodes to plain data; refuses aliases, unknown tags and duplicate keys with their position."""

    def __init__(self, first_line: int):
        self.first_line = first_line
        self.positions: dict[Path, tuple[int, int]] = {}
        self.key_positions: dict[Path, tuple[int, int]] = {}
        self.seen: set[int] = set()
        self.text = ""

    def first_alias(self) -> tuple[int, int] | None:
        """Where the first `*alias` is written. A composed alias is the anchored node itself,
        with no position of its own, so the text is parsed again (only when there is one)."""
        for event in yaml.parse(self.text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent):
                return event.start_mark.line + self.first_line, event.start_mark.column + 1
        return None

    def run(self, text: str) -> Any:
        self.text = text
        first_line = self.first_line
        try:
            node = yaml.compose(text, Loader=_Loader)
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            line = (mark.line if mark else 0) + first_line
            column = (mark.column if mark else 0) + 1
            problem = error.problem or "invalid YAML"
            if "'\\t'" in problem or "tab character" in problem:  # pure-Python or C wording
                problem += "; indent with spaces, not tabs"
            raise FrontMatterError(f"YAML error: {problem}", line, column) from None
        except yaml.YAMLError as error:
            raise FrontMatterError(f"YAML error: {error}", first_line, 1) from None
        return None if node is None else self.convert(node, ())

    def where(self, node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + self.first_line, node.start_mark.column + 1

    def fail(self, node: yaml.Node, message: str, path: Path) -> FrontMatterError:
        line, column = self.where(node)
        return FrontMatterError(message, line, column, _field_name(path))

    def convert(self, node: yaml.Node, path: Path) -> Any:
        if id(node) in self.seen:
            line, column = self.first_alias() or self.where(node)
            raise FrontMatterError(
                "YAML aliases (*name) are not allowed; write the value out in full",
                line,
                column,
                _field_name(path),
            )
        self.seen.add(id(node))
        self.positions[path] = self.where(node)
        if node.tag not in _ALLOWED_TAGS:
            raise self.fail(
                node,
                f"the YAML tag {node.tag.replace(_TAG, '!!')} is not allowed; "
                "write plain text, numbers, true/false, lists and 'field: value' pairs",
                path,
            )
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if (
                    not isinstance(key_node, yaml.ScalarNode)
                    or key_node.tag == _NULL
                    or key_node.tag not in _ALLOWED_TAGS
                ):
                    raise self.fail(key_node, "a field name must be plain text", path)
                key = key_node.value
                if key in result:
                    raise self.fail(
                        key_node,
                        f"'{key}' is given twice; keep one",
                        path + (key,),
                    )
                self.key_positions[path + (key,)] = self.where(key_node)
                result[key] = self.convert(value_node, path + (key,))
                # a scalar is found at its value (`date: 2024-13` -> the column of 2024-13);
                # a list or mapping at its key, where the contributor looks for it
                if not isinstance(value_node, yaml.ScalarNode):
                    self.positions[path + (key,)] = self.where(key_node)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, path + (i,)) for i, item in enumerate(node.value)]
        return _scalar(node)


def _scalar(node: yaml.ScalarNode) -> Any:
    """Plain scalars by their resolved tag; timestamps and quoted values stay text."""
    tag, value = node.tag, node.value
    if tag == _BOOL:
        return value.lower() in ("true", "yes", "on", "y")
    if tag == _NULL:
        return None
    if tag == _INT:
        try:
            return int(value.replace("_", ""), 0) if not value.isdigit() else int(value)
        except ValueError:
            return value
    if tag == _FLOAT:
        try:
            return float(value.replace("_", ""))
        except ValueError:
            return value
    return value


def _field_name(path: Path) -> str:
    """('sources', 0, 'url') -> 'sources[0].url'."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "front matter"
