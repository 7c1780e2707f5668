"""Small HTML pieces that templates and Python-built cells share (escaped as markupsafe escapes)."""

from __future__ import annotations

from markupsafe import Markup, escape

from .. import labels
from ..models import Dataset
from .escaping import html_text

UNKNOWN = Markup('<span class="mdc-unknown">{}</span>').format(labels.NOT_REPORTED)
UNKNOWN_HTML = str(UNKNOWN)  # the same marker as a plain string, for HTML joined in Python


def or_unknown(value: object) -> Markup:
    """The value as text, or the explicit "not reported" marker."""
    return UNKNOWN if value is None or value == "" else escape(value)


def or_unknown_html(value: object) -> str:
    """``or_unknown`` as a plain string, for HTML joined in Python."""
    return UNKNOWN_HTML if value is None or value == "" else html_text(value)


def ext_link(url: str, text: object) -> Markup:
    """A link to another site (catalog URLs are validated http(s))."""
    return Markup(ext_link_html(url, text))  # noqa: S704 - both values escaped


def ext_link_html(url: str, text: object) -> str:
    """``ext_link`` as a plain string, for HTML joined in Python."""
    # an f-string of escaped values: Markup.format runs a pure-Python formatter, slow on every dataset page
    return f'<a href="{html_text(url)}" rel="noopener">{html_text(text)}</a>'


def erratum_marks(dataset: Dataset) -> dict[str, Markup]:
    """Per corrected field, the note shown next to the figure (the errata list below gives the source)."""
    marks: dict[str, Markup] = {}
    for erratum in dataset.errata:
        given = html_text(erratum.collection_value or "nothing")
        mark = Markup(f'<span class="mdc-erratum">corrected: the collection gives “{given}” (<a href="#errata">erratum</a>)</span>')  # noqa: S704 - escaped
        marks[erratum.field] = marks.get(erratum.field, Markup("")) + mark
    return marks
