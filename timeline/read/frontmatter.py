"""Read a Markdown file's YAML front matter safely, keeping the line and column of every value.

YAML is composed (never constructed) with PyYAML's C parser where available, then turned into
plain Python here: only the core YAML types, no object-building tags, no aliases, no duplicate
keys. Only true/false and null are converted: numbers and timestamps stay the text as written
(`dates.py` sees dates exactly as written, a title '017' stays '017').
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from .ends import mapping_end

try:  # the C composer is several times faster; marks are the same
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _SafeLoader


class _Loader(_SafeLoader):
    """The safe loader, cheaper where the C composer calls back into Python for every node.

    Resolving a plain scalar's tag runs PyYAML's regular expressions in Python, and the answer
    depends on the text alone; entries repeat the same ids, names and dates, so it is remembered.
    Path resolvers are the only use of `descend_resolver` and `ascend_resolver`, and this loader
    has none, so both do nothing (PyYAML's own versions return at once, after a lookup).
    """

    yaml_path_resolvers: dict = {}  # PyYAML's class attribute, here always empty
    _plain_tags: dict[str, str] = {}  # plain scalar -> tag, shared by every loader

    def resolve(self, kind, value, implicit):  # noqa: ANN001 - PyYAML's signature
        if kind is ScalarNode and implicit[0]:
            tag = self._plain_tags.get(value)
            if tag is None:
                tag = super().resolve(kind, value, implicit)
                if len(self._plain_tags) < 200_000:  # bounded: a hostile file cannot grow it
                    self._plain_tags[value] = tag
            return tag
        return _DEFAULT_TAGS[kind]  # what PyYAML returns for these without path resolvers

    def descend_resolver(self, current_node, current_index):  # noqa: ANN001
        pass

    def ascend_resolver(self):
        pass


Path = tuple[str | int, ...]

_OPEN = re.compile(r"^---[ \t]*$")
_CLOSE = re.compile(r"^(---|\.\.\.)[ \t]*$")
_TAG = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {
    _TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
}
_STR, _BOOL, _NULL = (_TAG + name for name in ("str", "bool", "null"))
_KEY_TAGS = _ALLOWED_TAGS - {_NULL}  # a field name is text (or a number or date, as written)
_DEFAULT_TAGS = {
    ScalarNode: _TAG + "str",
    SequenceNode: _TAG + "seq",
    MappingNode: _TAG + "map",
}
MAX_DEPTH = 20
"""Lists and 'field: value' sets nested deeper than this in the top-level fields are refused: an
entry needs two (the list of sources, each source's fields), the registry three, and the
converter recurses once a level."""
TOO_DEEP = f"lists and 'field: value' sets nested more than {MAX_DEPTH} deep are not allowed"
# what YAML reads as a line break but an editor may show as nothing (U+0085 NEL, U+2028, U+2029),
# and every character PyYAML refuses to read (whose error names no useful line): the C0 and C1
# controls but tab and line breaks, DEL, lone surrogates, U+FFFE and U+FFFF
_UNSEEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u2028\u2029]")
_HIDDEN_BREAKS = {"\x85": "next line", "\u2028": "line separator", "\u2029": "paragraph separator"}


class FrontMatterError(ValueError):
    """The file's front matter cannot be read at all; carries the 1-based line and column."""

    def __init__(self, message: str, line: int = 1, column: int = 1, field: str = "front matter"):
        super().__init__(message)
        self.message, self.line, self.column, self.field = message, line, column, field


@dataclass(frozen=True, slots=True)
class Document:
    """A Markdown file split into its front matter (plain data) and body.

    `positions` maps a path into `data` (`("sources", 0, "url")`) to its 1-based (line, column).
    `ends` maps the path of each mapping (`()`, `("sources", 0)`) to where a field left out of
    it belongs: below its last line (the closing `---`) at its indentation, or at its `}`.
    """

    data: dict[str, Any]
    body: str
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    body_line: int = 1
    key_positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    ends: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def position(self, *path: str | int) -> tuple[int, int]:
        """The closest known position of a path: the value, else its parent, else line 1."""
        return closest(self.positions, path)


def closest(positions: dict[Path, tuple[int, int]], path: Path) -> tuple[int, int]:
    """The position of a path into parsed data: the value's, else its parent's, else line 1."""
    while path:
        if path in positions:
            return positions[path]
        path = path[:-1]
    return positions.get((), (1, 1))


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
    converter.ends[()] = (index + 1, 1)  # the closing '---': a field added goes above it
    return Document(data, body, positions, index + 2, converter.key_positions, converter.ends)


def load(raw: bytes) -> Document:
    """`loads` for bytes read from a file."""
    return loads(decode(raw))


def parse_yaml(text: str, first_line: int = 1) -> tuple[Any, dict, dict, dict]:
    """Compose YAML and convert it to plain data with positions (lines offset by first_line):
    `(data, positions, key_positions, ends)`, as a `Document` has them."""
    converter = _Converter(first_line)
    return converter.run(text), converter.positions, converter.key_positions, converter.ends


class _Converter:
    """Nodes to plain data; refuses aliases, unknown tags and duplicate keys with their position.

    It sees every value of every entry, so it is written for speed: scalars (most nodes) take
    one short method, nodes are told apart by class (the composer makes exactly these), and
    nodes are tracked for aliases only when the text has both an anchor (`&`) and an alias
    (`*`) character: without an anchor the composer never returns one node twice.
    """

    def __init__(self, first_line: int):
        self.first_line = first_line
        self.positions: dict[Path, tuple[int, int]] = {}
        self.key_positions: dict[Path, tuple[int, int]] = {}
        self.ends: dict[Path, tuple[int, int]] = {}
        self.seen: set[int] | None = None
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
        self.seen = set() if "&" in text and "*" in text else None
        first_line = self.first_line
        if error := unseen_character(text, first_line):
            raise error
        try:
            node = yaml.compose(text, Loader=_Loader)
        except RecursionError:  # PyYAML's pure-Python composer recurses once a level
            raise too_deep(text, first_line) or FrontMatterError(TOO_DEEP, first_line) from None
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            line = (mark.line if mark else 0) + first_line
            column = (mark.column if mark else 0) + 1
            problem = error.problem or "invalid YAML"
            if "nesting depth" in problem:  # libyaml stops at 1,000 levels
                deep = too_deep(text, first_line) or FrontMatterError(TOO_DEEP, line, column)
                raise deep from None
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

    def visit(self, node: yaml.Node, path: Path) -> None:
        """Refuse a node met before: the composer's way of writing an alias."""
        if id(node) in self.seen:
            line, column = self.first_alias() or self.where(node)
            raise FrontMatterError(
                "YAML aliases (*name) are not allowed; write the value out in full",
                line,
                column,
                _field_name(path),
            )
        self.seen.add(id(node))

    def scalar(self, node: yaml.ScalarNode, path: Path) -> Any:
        if self.seen is not None:
            self.visit(node, path)
        mark = node.start_mark
        self.positions[path] = (mark.line + self.first_line, mark.column + 1)
        tag = node.tag
        if tag == _STR:
            return node.value
        if tag not in _ALLOWED_TAGS:
            raise self.refuse_tag(node, path)
        return _scalar(node)

    def refuse_tag(self, node: yaml.Node, path: Path) -> FrontMatterError:
        return self.fail(
            node,
            f"the YAML tag {node.tag.replace(_TAG, '!!')} is not allowed; "
            "write plain text, numbers, true/false, lists and 'field: value' pairs",
            path,
        )

    def convert(self, node: yaml.Node, path: Path) -> Any:
        if node.__class__ is ScalarNode:
            return self.scalar(node, path)
        if self.seen is not None:
            self.visit(node, path)
        first_line, positions = self.first_line, self.positions
        mark = node.start_mark
        positions[path] = (mark.line + first_line, mark.column + 1)
        if node.tag not in _ALLOWED_TAGS:
            raise self.refuse_tag(node, path)
        if len(path) > MAX_DEPTH:  # `tags: [a]` is nested 1 deep
            line, column = self.where(node)
            raise FrontMatterError(TOO_DEEP, line, column, _top_field(path))
        if node.__class__ is SequenceNode:
            return [
                self.scalar(item, path + (index,))
                if item.__class__ is ScalarNode
                else self.convert(item, path + (index,))
                for index, item in enumerate(node.value)
            ]
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.__class__ is not ScalarNode or key_node.tag not in _KEY_TAGS:
                raise self.fail(key_node, "a field name must be plain text", path)
            key = key_node.value
            here = path + (key,)
            if self.seen is not None:  # a field name written as an alias, or reused as one
                self.visit(key_node, here)
            if key in result:
                raise self.fail(key_node, f"'{key}' is given twice; keep one", here)
            mark = key_node.start_mark
            self.key_positions[here] = at_key = (mark.line + first_line, mark.column + 1)
            if value_node.__class__ is ScalarNode:
                # a scalar is found at its value (`date: 2024-13` -> the column of 2024-13)
                result[key] = self.scalar(value_node, here)
            else:
                # a list or mapping at its key, where the contributor looks for it
                result[key] = self.convert(value_node, here)
                positions[here] = at_key
        self.ends[path] = mapping_end(node, first_line)
        return result


_BOOLS = {"true": True, "yes": True, "on": True, "false": False, "no": False, "off": False}


def _scalar(node: yaml.ScalarNode) -> Any:
    """Plain scalars by their resolved tag: true/false and null convert; everything else stays
    the text as written. A number too: `title: 0x10` is not 16, `location: 007` not 7, and a
    value of 5,000 digits is not an integer Python refuses to print."""
    tag, value = node.tag, node.value
    if tag == _BOOL:  # `!!bool maybe` stays text, refused by the field's rule
        return _BOOLS.get(value.lower(), value)
    if tag == _NULL:
        return None
    return value


def unseen_character(text: str, first_line: int = 1) -> FrontMatterError | None:
    """The first character of `_UNSEEN` in YAML text, as an error at the line and column an
    editor shows it (only '\\n' breaks a line there). `Innocent<U+2028>status: denied` is one
    line on screen and two fields to YAML."""
    if text.replace("\n", "").isprintable():  # no control or separator character: most texts
        return None
    match = _UNSEEN.search(text)
    if match is None:
        return None
    index = match.start()
    line = text.count("\n", 0, index) + first_line
    column = index - text.rfind("\n", 0, index)
    return FrontMatterError(unseen_message(match.group()), line, column)


def unseen_message(char: str) -> str:
    """Why a character of `_UNSEEN` is refused."""
    if char in _HIDDEN_BREAKS:
        return (
            f"the character U+{ord(char):04X} ({_HIDDEN_BREAKS[char]}) is not allowed: YAML reads "
            "it as a line break that editors may not show; remove it"
        )
    return f"the control character U+{ord(char):04X} is not allowed; remove it"


def too_deep(text: str, first_line: int = 1) -> FrontMatterError | None:
    """Where YAML text nests past MAX_DEPTH, found from parser events (which, unlike composing,
    take no recursion), for when the composer itself gives up; None if not found (libyaml's
    scanner looks ahead over a line of flow brackets, so it gives up before the first event)."""
    depth, top_level_map, expect_key, key = 0, False, True, None
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                if depth == 0:
                    top_level_map = isinstance(event, yaml.MappingStartEvent)
                elif depth == 1 and top_level_map:
                    key = None if expect_key else key  # a list as a field name: no name
                    expect_key = not expect_key
                depth += 1  # the top level is depth 1: its fields are nested 0 deep
                if depth > MAX_DEPTH + 1:
                    mark = event.start_mark
                    field = key if top_level_map and isinstance(key, str) else "front matter"
                    return FrontMatterError(
                        TOO_DEEP, mark.line + first_line, mark.column + 1, field
                    )
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
            elif depth == 1 and top_level_map and isinstance(event, yaml.NodeEvent):
                key = getattr(event, "value", None) if expect_key else key
                expect_key = not expect_key
    except yaml.YAMLError:
        return None
    return None


def _top_field(path: Path) -> str:
    """The field a value belongs to: ('tags', 0, 0) -> 'tags'."""
    return path[0] if path and isinstance(path[0], str) else "front matter"


def _field_name(path: Path) -> str:
    """('sources', 0, 'url') -> 'sources[0].url'."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "front matter"
