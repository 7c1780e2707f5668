"""Escaping for each place catalog text lands: Markdown, HTML, JSON in a script element.

Catalog text is data written by strangers; it must reach the page as text.
"""

from __future__ import annotations

import json
import re
from typing import Any

import orjson
from markupsafe import Markup, escape

# Every ASCII character that Markdown, its extensions or HTML could read as
# syntax is written as a numeric character reference: the browser shows the
# character, and no Markdown rule can match it.
_MARKDOWN_SPECIAL = set("\\`*_{}[]()#+-.!<>&|~^=:\"'$%@;/")
# line breaks become spaces: a heading or list item is one line
_MARKDOWN_TEXT = str.maketrans({**{ch: f"&#{ord(ch)};" for ch in _MARKDOWN_SPECIAL}, "\n": " ", "\r": " "})


def html_text(value: object) -> str:
    """Plain text (not Markup) as HTML text: the same characters replaced as markupsafe's ``escape``.

    For HTML the generator joins as strings: no Markup object per value,
    which made ``escape`` a tenth of a dataset page's render time.
    """
    return str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;").replace('"', "&#34;")


def markdown_text(value: Any) -> Markup:
    """Text for a Markdown context (headings, list items): shown literally."""
    return Markup(str(value).translate(_MARKDOWN_TEXT))  # noqa: S704 - every special character was replaced


def compact_json(value: Any, *, sort_keys: bool = False) -> str:
    """JSON without spaces, other characters kept as they are.

    The same text as ``json.dumps(value, ensure_ascii=False, sort_keys=sort_keys,
    separators=(",", ":"))``, made by orjson, which is about ten times faster:
    JSON was a tenth of the render time. Where orjson refuses a value that
    the standard library accepts (an integer beyond 64 bits, a non-text key),
    the standard library writes it.
    """
    return _compact_json_utf8(value, sort_keys).decode()


def _compact_json_utf8(value: Any, sort_keys: bool) -> bytes:
    try:
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS if sort_keys else 0)
    except TypeError:  # orjson.JSONEncodeError is a TypeError
        return json.dumps(value, ensure_ascii=False, sort_keys=sort_keys, separators=(",", ":")).encode()


# Characters a YAML reader refuses (PyYAML's non-printable set) or reads as a
# line break (NEL, the Unicode line and paragraph separators), and the byte
# order mark: written as JSON escapes, which YAML reads the same way.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def front_matter_json(value: Any) -> str:
    """``value`` as one line of JSON that YAML reads back unchanged (JSON is YAML), keys sorted."""
    text = compact_json(value, sort_keys=True)
    # every unsafe character is non-printable, and str.isprintable is one C
    # loop, a third of the regular expression's time over a page's fragments
    if not text.isprintable():
        text = _YAML_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
    return text


def json_for_script(value: Any) -> Markup:
    """JSON that is safe inside <script>: no '<', '>' or '&' can end the element."""
    text = compact_json(value, sort_keys=True)
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
