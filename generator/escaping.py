"""Escaping for each place catalog text lands: Markdown, HTML, JSON in a script element.

Catalog text is data written by strangers; it must reach the page as text.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup, escape

# Every ASCII character that Markdown, its extensions or HTML could read as
# syntax is written as a numeric character reference: the browser shows the
# character, and no Markdown rule can match it.
_MARKDOWN_SPECIAL = set("\\`*_{}[]()#+-.!<>&|~^=:\"'$%@;/")
# line breaks become spaces: a heading or list item is one line
_MARKDOWN_TEXT = str.maketrans({**{ch: f"&#{ord(ch)};" for ch in _MARKDOWN_SPECIAL}, "\n": " ", "\r": " "})


def markdown_text(value: Any) -> Markup:
    """Text for a Markdown context (headings, list items): shown literally."""
    return Markup(str(value).translate(_MARKDOWN_TEXT))  # noqa: S704 - every special character was replaced


def json_for_script(value: Any) -> Markup:
    """JSON that is safe inside <script>: no '<', '>' or '&' can end the element."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)  # noqa: S704 - <, >, & and line separators escaped above


# What json.dumps(text) gives for a str (a quoted, ASCII-only JSON string),
# without its generic encoder set-up: four calls per page.
_json_string = json.encoder.encode_basestring_ascii


def front_matter_value(value: Any) -> Markup:
    """A front-matter scalar, HTML-escaped, then quoted as YAML.

    MkDocs themes do not autoescape: Material prints ``page.title`` and
    ``page.meta.description`` into <title>, the header and <meta> attributes
    as they are. So the value is made HTML-safe here, then written as a JSON
    string, which is valid YAML and escapes quotes, newlines and controls.
    """
    return Markup(_json_string(str(escape(value))))  # noqa: S704 - escaped, then a JSON string literal


def front_matter_script_json(value: Any) -> Markup:
    """Data for a script element, serialised here and carried in front matter as one YAML string.

    The theme prints the string as it is inside ``<script type="application/ld+json">``:
    ``json_for_script`` has escaped every ``<``, ``>`` and ``&``, so it cannot end the
    element. (A string, not nested YAML: constructing the nested JSON-LD as YAML
    objects cost MkDocs 7 % of a build.)
    """
    return Markup(_json_string(str(json_for_script(value))))  # noqa: S704 - a JSON string literal of script-safe JSON
