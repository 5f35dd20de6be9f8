"""The live-markup finder of `safety.py` finds what it must in every format it reads, and nothing
in safe output: it checks feeds and exports written on other branches, so it is tested here."""

from __future__ import annotations

import pytest
from safety import (
    csv_findings,
    fragment_findings,
    html_findings,
    ics_findings,
    json_findings,
    site_findings,
    xml_findings,
)


@pytest.mark.parametrize(
    ("markup", "finding"),
    [
        ("<title>x</title><tlx>", "element <tlx>"),
        ('<p title="a" tlx="1">', "attribute 'tlx'"),
        ("<img src=x onerror=alert(1)>", "event handler onerror"),
        ("<script>tlx()</script>", "a script made from content"),
        ('<a href=" JaVa\tScRiPt:x">', "href=' JaVa\\tScRiPt:x'"),
        ('<img src="data:image/svg+xml,x">', "src='data:image/svg+xml,x'"),
        ('<a href="https://other.example/">', "without noopener"),
        ('<iframe src="https://example.com">', "<iframe> element"),
        ('<meta http-equiv="refresh" content="0;url=x">', "meta http-equiv=refresh"),
        ('<p style="background:url(tlx)">', "style attribute"),
        ("<svg><a href='javascript:x'>", "href='javascript:x'"),
        ('<img src="https://other.example/x.png">', "loads from another host"),
        ('<img src="/\\other.example/x.png">', "loads from another host"),
        ('<img srcset="a.png 1x, //other.example/b.png 2x">', "loads from another host"),
        ('<video poster="https://other.example/p.png">', "loads from another host"),
    ],
)
def test_live_markup_is_found_in_html(markup, finding):
    found = html_findings(f"<!doctype html><html><head></head><body>{markup}</body></html>", "p")
    assert any(finding in f for f in found), found


def test_escaped_markup_own_links_and_noopener_links_are_not_findings():
    page = (
        "<html><head><title>&lt;/title&gt;&lt;tlx&gt;</title></head><body>"
        '<p title="&quot; tlx=&quot;1">&lt;script&gt;tlx()&lt;/script&gt;</p>'
        '<a href="https://example.org/page/">own site</a>'
        '<a href="https://other.example/" rel="noopener noreferrer">source</a>'
        "</body></html>"
    )
    assert html_findings(page, "p", "example.org") == []


def test_json_ld_may_carry_content_as_data_but_not_break_out_of_its_script():
    data = '{"headline": "\\u003c/script\\u003e\\u003ctlx\\u003e"}'
    page = f'<html><head><script type="application/ld+json">{data}</script></head></html>'
    assert html_findings(page, "p") == []
    broken = '<script type="application/ld+json">{"headline": "</script><tlx>"}</script>'
    found = html_findings(f"<html><head>{broken}</head></html>", "p")
    assert any("does not parse" in f for f in found) and any("<tlx>" in f for f in found)


def test_a_feed_must_parse_and_its_html_content_is_checked():
    assert "not well-formed XML" in xml_findings("<feed><title>a & b</title></feed>", "f")[0]
    atom = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>&lt;tlx&gt;</title>'
        '<summary type="html">&lt;img src=x onerror=tlx()&gt;</summary>'
        '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><tlx/></div></content>'
        "</entry></feed>"
    )
    found = xml_findings(atom, "feed.xml")
    assert any("<summary>: event handler onerror" in f for f in found), found
    assert any("<content>: element <tlx>" in f for f in found), found
    assert not any("<title>" in f for f in found)  # type="text": escaped text is text


def test_json_strings_are_html_only_where_a_reader_inserts_them_as_html():
    feed = '{"items": [{"title": "<tlx>", "content_html": "<p onclick=x>a</p>"}]}'
    assert json_findings(feed, "feed.json") == [
        "feed.json 'content_html': event handler onclick='x' on <p>"
    ]
    index = '{"docs": [{"title": "<tlx>", "location": "<tlx>"}]}'
    assert json_findings(index, "search/search_index.json") == [
        "search/search_index.json 'title': element <tlx> made from content"
    ]
    assert "not valid JSON" in json_findings("{", "timeline.json")[0]


def test_spreadsheet_formulas_and_calendar_property_breakouts_are_found():
    assert csv_findings('title\n"=HYPERLINK(""tlx"")"\n', "t.csv")
    assert csv_findings("title\n'=HYPERLINK(tlx)\n", "t.csv") == []
    assert ics_findings("BEGIN:VEVENT\r\ntlx:1\r\nEND:VEVENT\r\n", "t.ics")
    assert fragment_findings("a &lt;tlx&gt;", "x") == []


def test_every_output_file_is_checked_by_its_extension(tmp_path):
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "theme.html").write_text("<script>tlx()</script>")  # the theme's
    (tmp_path / "page.html").write_text("<p>ok</p>")
    (tmp_path / "feed.xml").write_text("<feed><tlx/></feed>")
    (tmp_path / "timeline.json").write_text("[")
    (tmp_path / "timeline.csv").write_text("=tlx()\n")
    (tmp_path / "timeline.ics").write_text("tlx:1\n")
    found = site_findings(tmp_path)
    assert [f.split(":")[0] for f in found] == [
        "feed.xml",
        "timeline.csv",
        "timeline.ics",
        "timeline.json",
    ]
