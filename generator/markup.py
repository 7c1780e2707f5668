"""Small HTML pieces that templates and Python-built cells share (all escaping through markupsafe)."""

from __future__ import annotations

from markupsafe import Markup, escape

from . import figures
from .models import Dataset

UNKNOWN = Markup('<span class="mdc-unknown">{}</span>').format(figures.NOT_REPORTED)


def or_unknown(value: object) -> Markup:
    """The value as text, or the explicit "not reported" marker."""
    return UNKNOWN if value is None or value == "" else escape(value)


def ext_link(url: str, text: object) -> Markup:
    """A link to another site (catalog URLs are validated http(s))."""
    # an f-string of escaped values: Markup.format runs a pure-Python formatter, slow on every dataset page
    return Markup(f'<a href="{escape(url)}" rel="noopener">{escape(text)}</a>')  # noqa: S704 - both values escaped


def erratum_marks(dataset: Dataset) -> dict[str, Markup]:
    """Per corrected field, the note shown next to the figure (the errata list below gives the source)."""
    marks: dict[str, Markup] = {}
    for erratum in dataset.errata:
        given = escape(erratum.collection_value or "nothing")
        mark = Markup(f'<span class="mdc-erratum">corrected: the collection gives “{given}” (<a href="#errata">erratum</a>)</span>')  # noqa: S704 - escaped
        marks[erratum.field] = marks.get(erratum.field, Markup("")) + mark
    return marks
