import pytest
import yaml
from conftest import examples
from frontmatter_oracle import convert_yaml
from hostile import CASES
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.read import frontmatter
from timeline.read.frontmatter import TOO_DEEP, FrontMatterError, _Converter, decode, load, loads


def test_fields_keep_their_line_and_column():
    doc = loads("---\ntitle: A\ndate: 2024-13\nsources:\n  - publisher: X\n    url: y\n---\nbody\n")
    assert doc.data["date"] == "2024-13"  # stays text: dates.py sees it as written
    assert doc.position("date") == (3, 7)
    assert doc.position("sources", 0, "url") == (6, 10)
    assert doc.body == "body\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("title: x\n", "first line must be '---'"),
        ("---\ntitle: x\n", "not closed"),
        ("---\n- a\n- b\n---\n", "is a list"),
        ("---\njust text\n---\n", "single value"),
        ("---\ntitle: a\ntitle: b\n---\n", "given twice"),
        ("---\nx: !!python/object/apply:os.system [ls]\n---\n", "tag"),
        ("---\na: &x [1]\nb: *x\n---\n", "aliases"),
        ("---\na: &k title\n*k : v\n---\n", "aliases"),  # an alias as a field name
        ("---\n&k title: x\nb: *k\n---\n", "aliases"),  # a field name reused as a value
        ("---\ntitle: x\n\tdate: 2024\n---\n", "YAML error"),
    ],
)
def test_unreadable_front_matter_is_an_error_not_a_crash(text, message):
    with pytest.raises(FrontMatterError, match=message):
        loads(text)


def test_bom_and_crlf_are_accepted():
    doc = load(b"\xef\xbb\xbf---\r\ntitle: x\r\n---\r\nbody\r\n")
    assert doc.data == {"title": "x"}
    assert doc.body == "body\n"


def test_non_utf8_names_the_line():
    with pytest.raises(FrontMatterError) as error:
        load(b"---\ntitle: caf\xe9\n---\n")
    assert error.value.line == 2
    assert "not UTF-8" in error.value.message


# --- the fast converter agrees with the plain one (frontmatter_oracle.py) ----------------------

PLAIN = ["a", "two words", "2024-10-31", "2024-13", "1", "1.5", "true", "~", "''", "a*b", "a & b"]
ODD = [
    *("*a", "*b", "*c", "&d x", "*d", "0x1F", "1_000", "017", "-.inf", ".nan", "yes", "No"),
    *("on", "null", '""', "<<", "=", "12:30:45", "2024-01-01 10:00:00", "'it''s'", "!!str 1"),
    *('"\\x07 bell"', '"tab\\tin"', "!!int 7", "!!int x", "!!float 1", "!!bool no", "[]"),
    *("!!binary aGk=", "!!python/name:os.system", "!local x", "!!null ~", "!!timestamp 2024"),
    *("!!map x", "!!seq y", "{}", "[" * 21 + "]" * 21, "[" * 20 + "]" * 20),
]
KEYS = ["title", "date", "sources", "a", "b", "1", "2024-01-01", "yes", "''", '"k"']
ODD_KEYS = [
    *("*a", "*b", "&k title", "*k", "~", "null", "!!str 5", "!!null x", "!!binary aGk="),
    *("!local k", "[a]", "{a: 1}", "? x", "0.5", "<<"),
]
ANCHORS = "anchors: [&a x, &b [1, 2], &c {k: v}]\n"
NOISE = ["\t", ":", "- ", "&a ", "*a", "'", '"', "!!int ", "[", "{", "\n", " ", "#", "? ", "|\n"]
NOISE += ["\u2028", "\x85", "\x07", "\u00a0"]


@st.composite
def yaml_texts(draw) -> str:
    """Front matter as people write it, in block and flow style, with anchors, aliases, tags,
    odd keys and values, sometimes with a character dropped in somewhere to break it."""

    def pick(common: list[str], odd: list[str]) -> str:
        return draw(st.sampled_from(odd if draw(st.integers(0, 9)) == 3 else common))

    def flow(depth: int) -> str:
        kind = draw(st.sampled_from(("scalar", "scalar", "seq", "map") if depth < 3 else "s"))
        if kind == "seq":
            return "[" + ", ".join(flow(depth + 1) for _ in range(draw(st.integers(0, 3)))) + "]"
        if kind == "map":
            pairs = [f"{pick(KEYS, ODD_KEYS)}: {flow(depth + 1)}" for _ in range(3)]
            return "{" + ", ".join(pairs[: draw(st.integers(0, 3))]) + "}"
        return pick(PLAIN, ODD)

    def block(kind: str, indent: int, depth: int) -> list[str]:
        lines, pad = [], " " * indent
        for _ in range(draw(st.integers(1 if depth else 0, 4))):
            head = f"{pad}{pick(KEYS, ODD_KEYS)}:" if kind == "map" else f"{pad}-"
            nested = draw(st.sampled_from(("no", "no", "map", "seq"))) if depth < 3 else "no"
            if nested == "no":
                lines.append(f"{head} {flow(depth + 1)}")
            else:
                lines += [head, *block(nested, indent + 2, depth + 1)]
        return lines

    top = draw(st.sampled_from(("map", "map", "map", "seq", "flow")))
    text = flow(0) + "\n" if top == "flow" else "".join(f"{x}\n" for x in block(top, 0, 0))
    if top == "map" and draw(st.booleans()):
        text = ANCHORS + text  # so that most aliases have an anchor to refer to
    for _ in range(draw(st.integers(0, 2)) // 2):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(NOISE)) + text[at:]
    return text


def outcome(convert) -> tuple:
    try:
        data, positions, key_positions = convert()
    except FrontMatterError as error:
        return ("refused", error.message, error.line, error.column, error.field)
    # repr tells 1 from 1.0 and True; the lists keep the order the positions were found in
    return repr(data), list(positions.items()), list(key_positions.items())


def fast(text: str) -> tuple:
    converter = _Converter(first_line=2)
    data = converter.run(text)
    return data, converter.positions, converter.key_positions


@settings(max_examples=examples(500))
@given(yaml_texts())
def test_the_fast_converter_agrees_with_the_plain_one(text):
    expected = outcome(lambda: convert_yaml(text, first_line=2))
    assert outcome(lambda: fast(text)) == expected


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_the_fast_converter_agrees_with_the_plain_one_on_hostile_files(case):
    try:
        lines = decode(case.content).split("\n")
    except FrontMatterError:
        return
    end = next((i for i, line in enumerate(lines) if i and line.rstrip() == "---"), len(lines))
    text = "\n".join(lines[1:end]) + "\n"
    assert outcome(lambda: fast(text)) == outcome(lambda: convert_yaml(text, first_line=2))


# --- values as written ------------------------------------------------------------------------


def test_numbers_stay_the_text_as_written():
    huge = "0x" + "f" * 4000  # as an int, more digits than Python will print
    doc = loads(
        f"---\ntitle: 0x10\nlocation: 007\na: 1.0e+3\nb: 017\nc: 1_000\nd: .inf\ne: {huge}\n"
        "f: 2024\ng: 2024-10-31 14:30:00\n---\n"
    )
    assert doc.data == {
        "title": "0x10",
        "location": "007",
        "a": "1.0e+3",
        "b": "017",
        "c": "1_000",
        "d": ".inf",
        "e": huge,
        "f": "2024",
        "g": "2024-10-31 14:30:00",
    }


def test_true_false_and_null_still_convert():
    doc = loads("---\na: true\nb: No\nc: on\nd: ~\ne: null\nf:\ng: !!bool maybe\n---\n")
    assert doc.data == {
        "a": True,
        "b": False,
        "c": True,
        "d": None,
        "e": None,
        "f": None,
        "g": "maybe",
    }


# --- nesting and characters an editor does not show -------------------------------------------

DEEP = "---\ntitle: x\ntags: " + "[" * 600 + "]" * 600 + "\n---\n"
BLOCK_DEEP = (
    "---\ntitle: x\ntags:\n" + "".join(" " * i + "-\n" for i in range(0, 1200, 2)) + "---\n"
)


def refusal(text: str) -> tuple:
    with pytest.raises(FrontMatterError) as error:
        loads(text)
    return error.value.line, error.value.column, error.value.field, error.value.message


def test_nesting_past_twenty_levels_is_refused_where_the_twenty_first_starts():
    assert TOO_DEEP == "lists and 'field: value' sets nested more than 20 deep are not allowed"
    assert refusal(DEEP) == (3, 27, "tags", TOO_DEEP)  # was a RecursionError
    assert refusal(BLOCK_DEEP) == (24, 41, "tags", TOO_DEEP)
    assert loads("---\ntags: " + "[" * 20 + "]" * 20 + "\n---\n").data["tags"]
    assert refusal("---\ntags: " + "[" * 21 + "]" * 21 + "\n---\n") == (2, 27, "tags", TOO_DEEP)


def test_nesting_libyaml_gives_up_on_is_refused_the_same_way():
    # libyaml stops at 1,000 levels, before the converter sees any: its line is kept
    flow = "---\ntitle: x\ntags: " + "[" * 1000 + "]" * 1000 + "\n---\n"
    assert refusal(flow)[0] == 3 and refusal(flow)[3] == TOO_DEEP
    block = "---\ntags:\n" + "".join(" " * i + "-\n" for i in range(0, 2400, 2)) + "---\n"
    assert refusal(block) == (23, 41, "tags", TOO_DEEP)


def test_nesting_the_pure_python_composer_recurses_over_is_refused(monkeypatch):
    class PureLoader(yaml.SafeLoader):  # as when PyYAML is built without libyaml
        yaml_path_resolvers: dict = {}

    monkeypatch.setattr(frontmatter, "_Loader", PureLoader)
    deeper = "---\ntitle: x\ntags: " + "[" * 3000 + "]" * 3000 + "\n---\n"
    assert refusal(deeper) == (3, 27, "tags", TOO_DEEP)


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        (
            "---\ntitle: Innocent\u2028status: denied\n---\n",
            (2, 16),
            "the character U+2028 (line separator) is not allowed: YAML reads it as a line break "
            "that editors may not show; remove it",
        ),
        ("---\ntitle: x\nsummary: 'a\u2029b'\n---\n", (3, 12), "U+2029 (paragraph separator)"),
        ("---\ntitle: \u200f\u05e9\u00a0\x85x\n---\n", (2, 11), "U+0085 (next line)"),
        (
            "---\ntitle: x\nsummary: \tab\x07c\n---\n",
            (3, 13),
            "the control character U+0007 is not allowed; remove it",
        ),  # PyYAML said 2:1
        ("---\n# \x1b[2J\ntitle: x\n---\n", (2, 3), "the control character U+001B"),
        ("---\ntitle: x\x7f\n---\n", (2, 9), "the control character U+007F"),
    ],
)
def test_characters_an_editor_does_not_show_are_refused_where_the_editor_shows_them(
    text, where, message
):
    line, column, field, found = refusal(text)
    assert (line, column, field) == (*where, "front matter")
    assert message in found


def test_tabs_right_to_left_marks_and_no_break_spaces_are_read():
    doc = loads('---\ntitle: "a\tb"\nplace: \u200fשלום\u00a0x\n---\n')
    assert doc.data == {"title": "a\tb", "place": "\u200fשלום\u00a0x"}


@pytest.mark.parametrize(
    "text",
    [
        DEEP.split("---\n")[1],
        BLOCK_DEEP.split("---\n")[1],
        "a: " + "[" * 1000 + "]" * 1000 + "\n",
        "a: b\u2028c: d\n",
        "a: 'b\x07'\n",
        "- " + "{a: " * 25 + "}" * 25 + "\n",
    ],
)
def test_the_fast_converter_agrees_with_the_plain_one_on_deep_and_unseen_text(text):
    assert outcome(lambda: fast(text)) == outcome(lambda: convert_yaml(text, first_line=2))
