"""Fragments: generated HTML carried in front matter instead of the Markdown body."""

from __future__ import annotations

import json

import pytest
import yaml

from generator.render.fragments import marker, move_to_front_matter


def front_matter(page: str) -> dict:
    return yaml.safe_load(page.split("\n---\n", 1)[0].removeprefix("---\n"))


def test_fragment_moves_to_front_matter_and_leaves_its_marker():
    source = "---\ntitle: T\n---\n\nbefore\n<!-- fragment:table -->\n<table><td>&lt;b&gt;</td></table>\n<!-- /fragment -->\nafter\n"
    page = move_to_front_matter(source)
    assert front_matter(page) == {"title": "T", "fragments": {"table": "<table><td>&lt;b&gt;</td></table>"}}
    body = page.split("\n---\n", 1)[1]
    assert "<table>" not in body
    assert "/fragment" not in body
    # the marker stands alone between blank lines, so Markdown keeps it as a raw HTML block
    assert f"before\n\n\n{marker('table')}\n\nafter" in body


def test_page_without_fragments_is_unchanged():
    page = "---\ntitle: T\n---\n\nplain <!-- a comment -->\n"
    assert move_to_front_matter(page) == page


def test_front_matter_line_is_single_line_json():
    page = move_to_front_matter("---\ntitle: T\n---\n<!-- fragment:a -->\nline one\n\n---\nline two\n<!-- /fragment -->\n")
    line = next(x for x in page.splitlines() if x.startswith("fragments: "))
    # a "---" inside a fragment must not end the front matter early
    assert json.loads(line.removeprefix("fragments: ")) == {"a": "line one\n\n---\nline two"}
    assert front_matter(page)["fragments"]["a"].endswith("line two")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("<!-- fragment:Bad Name -->\nx\n<!-- /fragment -->\n", "no valid name"),
        ("<!-- fragment:a --> x\n<!-- /fragment -->\n", "no valid name"),
        ("<!-- fragment:a -->\nx\n<!-- /fragment -->\n<!-- fragment:a -->\ny\n<!-- /fragment -->\n", "used twice"),
        ("<!-- fragment:a -->\nx\n", "not closed"),
        ("x\n<!-- /fragment -->\n", "without an opening"),
        ("<!-- fragment:a -->\nx\n<!-- /fragment -->\ny\n<!-- /fragment -->\n", "without an opening"),
        ("<!-- fragment:a -->\n<!-- fragment:b -->\nx\n<!-- /fragment -->\n<!-- /fragment -->\n", "not closed"),
    ],
)
def test_malformed_fragments_are_refused(body, message):
    with pytest.raises(ValueError, match=message):
        move_to_front_matter("---\ntitle: T\n---\n" + body)


def test_page_with_fragments_needs_front_matter():
    with pytest.raises(ValueError, match="front matter"):
        move_to_front_matter("<!-- fragment:a -->\nx\n<!-- /fragment -->\n")
