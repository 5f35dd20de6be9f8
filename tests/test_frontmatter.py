import pytest

from timeline.frontmatter import FrontMatterError, load, loads


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
