import pytest
from frontmatter_oracle import convert_yaml
from hostile import CASES
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.frontmatter import FrontMatterError, _Converter, decode, load, loads


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
    *("!!map x", "!!seq y", "{}"),
]
KEYS = ["title", "date", "sources", "a", "b", "1", "2024-01-01", "yes", "''", '"k"']
ODD_KEYS = [
    *("*a", "*b", "&k title", "*k", "~", "null", "!!str 5", "!!null x", "!!binary aGk="),
    *("!local k", "[a]", "{a: 1}", "? x", "0.5", "<<"),
]
ANCHORS = "anchors: [&a x, &b [1, 2], &c {k: v}]\n"
NOISE = ["\t", ":", "- ", "&a ", "*a", "'", '"', "!!int ", "[", "{", "\n", " ", "#", "? ", "|\n"]


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


@settings(max_examples=500)
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
