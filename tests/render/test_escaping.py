"""Escaping helpers: each context gets text, never markup."""

from __future__ import annotations

import html
import json
import re

import markdown
import markupsafe
import yaml
from hypothesis import given
from hypothesis import strategies as st

from generator.render.escaping import compact_json, front_matter_json, front_matter_value, html_text, json_for_script, markdown_text
from generator.render.markup import ext_link, ext_link_html, or_unknown, or_unknown_html


def render_markdown(text: str) -> str:
    return markdown.markdown(text, extensions=["toc", "attr_list"])


def test_markdown_text_defuses_markdown_and_html():
    hostile = "*bold* [link](javascript:alert(1)) ![img](x.png) <script>alert(1)</script> `code` # {{ x }} {: .cls}"
    html = render_markdown(f"# {markdown_text(hostile)}")
    assert "<script" not in html
    assert "<a " not in html
    assert "<img" not in html
    assert "<em>" not in html
    assert "<code>" not in html
    assert 'class="cls"' not in html


def test_markdown_text_keeps_the_text_readable():
    html = render_markdown(markdown_text("A & B < C"))
    assert "A &amp; B &lt; C" in html or "A &#38; B &#60; C" in html


@given(st.text())
def test_markdown_text_leaves_no_syntax_and_reads_as_the_text(text):
    out = str(markdown_text(text))
    # every Markdown or HTML special character is a numeric reference, and the text is one line
    assert not re.search(r"[\\`*_{}\[\]()+\-.!<>|~^=:\"'$%@/\n\r]", out)
    assert re.fullmatch(r"(?:[^&#;]|&#[0-9]+;)*", out)
    assert html.unescape(out) == text.replace("\n", " ").replace("\r", " ")


def test_json_for_script_cannot_close_the_element():
    value = {"name": "</script><script>alert(1)</script>", "x": "\u2028&"}
    text = str(json_for_script(value))
    assert "</script" not in text.lower()
    assert "<" not in text
    assert json.loads(text) == value


def test_front_matter_value_is_a_yaml_string_of_html_safe_text():
    import html

    import yaml

    for value in ("a: b\n- c", "'quoted' \"double\"", "#comment", "{{ jinja }}", "ünïcode", "<script>x</script> & y"):
        loaded = yaml.safe_load(f"title: {front_matter_value(value)}")["title"]
        assert "<" not in loaded
        assert '"' not in loaded
        assert html.unescape(loaded) == value


def test_collection_bibtex_survives_hostile_text(catalog):
    import bibtexparser

    from generator.render.citations import collection_bibtex

    collection = catalog.collection.model_copy(
        update={
            "title": "Set } @misc{evil, title={x}",
            "source_document": catalog.collection.source_document.model_copy(update={"title": "50% {of} \\\\it #1"}),
        }
    )
    library = bibtexparser.parse_string(collection_bibtex(collection))
    assert not library.failed_blocks
    assert [e.key for e in library.entries] == ["wen_medical_dataset_collection"]
    entry = library.entries[0]
    assert "evil" in entry.fields_dict["howpublished"].value  # kept as text inside the one entry


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)


@given(JSON_VALUES, st.booleans())
def test_compact_json_is_the_standard_librarys_text(value, sort_keys):
    # orjson writes it (or, for integers beyond 64 bits, the standard library): the text must not depend on which
    assert compact_json(value, sort_keys=sort_keys) == json.dumps(value, ensure_ascii=False, sort_keys=sort_keys, separators=(",", ":"))


@given(st.dictionaries(st.text(max_size=8), st.text(), max_size=4))
def test_front_matter_json_reads_back_unchanged_as_yaml(value):
    line = f"fragments: {front_matter_json(value)}\n"
    assert "\n" not in line[:-1]
    assert yaml.load(line, Loader=yaml.SafeLoader) == {"fragments": value}  # MkDocs' (pure Python) loader
    assert yaml.load(line, Loader=yaml.CSafeLoader) == {"fragments": value}
    assert json.loads(line.removeprefix("fragments: ")) == value


def test_every_yaml_unsafe_character_is_non_printable():
    """front_matter_json only looks for them in text that str.isprintable refuses."""
    from generator.render.escaping import _YAML_UNSAFE

    unsafe = [chr(c) for c in range(0x110000) if _YAML_UNSAFE.match(chr(c))]
    assert len(unsafe) == 38
    assert not any(ch.isprintable() for ch in unsafe)


def test_front_matter_json_escapes_what_yaml_would_refuse_or_break_on():
    text = "a\x7fb\x85c\u2028d\u2029e\ufefff\ufffe"
    line = front_matter_json({"k": text})
    assert line.isascii()
    assert yaml.safe_load(f"x: {line}") == {"x": {"k": text}}


@given(st.text() | st.integers())
def test_html_text_replaces_what_markupsafe_replaces(value):
    assert html_text(value) == str(markupsafe.escape(value))
    assert or_unknown_html(value) == str(or_unknown(value))
    assert ext_link_html("https://example.org/?a=1&b=2", value) == str(ext_link("https://example.org/?a=1&b=2", value))
