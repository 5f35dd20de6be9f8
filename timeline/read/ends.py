"""Where a field left out of a YAML mapping belongs, so that a "missing" problem points there
(`frontmatter.Document.ends`) rather than at the first line of what it is missing from."""

from __future__ import annotations

from yaml.nodes import MappingNode, Node, ScalarNode


def mapping_end(node: MappingNode, first_line: int) -> tuple[int, int]:
    """(line, column), lines offset by first_line: at the `}` of a mapping in braces, else the
    line below its last value, at the mapping's indentation. Not the mapping's own end mark: a
    block collection ends where the next token starts, maybe lines below."""
    if node.flow_style:
        return node.end_mark.line + first_line, max(node.end_mark.column, 1)
    last: Node = node
    while last.__class__ is not ScalarNode and not last.flow_style and last.value:
        last = last.value[-1][1] if last.__class__ is MappingNode else last.value[-1]
    mark = last.end_mark
    # a block scalar (`>-`) ends at the start of the line after its text
    below = mark.line + (mark.column > 0 or mark.line == last.start_mark.line)
    return below + first_line, node.start_mark.column + 1
