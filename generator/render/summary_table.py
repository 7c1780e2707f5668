"""The rows of a dataset page's summary table, as HTML.

Built in Python rather than in the page template: the table is a dozen
cells with conditions and erratum marks, and as template code it was the
most expensive part of rendering a dataset page (each call and each output
of a template goes through Jinja's runtime and markupsafe). Every value is
escaped where it enters (``html_text``); the cells are joined as plain strings
and marked safe once, for the whole table body.
"""

from __future__ import annotations

from markupsafe import Markup

from .. import labels
from ..models import Category, Dataset
from .escaping import html_text
from .markup import UNKNOWN_HTML, erratum_marks, ext_link_html, or_unknown_html

_APPROXIMATE = " (approximate)"
_IMAGE_PARTS = ("train", "test", "total")


def _frame_size(dataset: Dataset) -> str:
    size = dataset.frame_size
    if size is None:
        return UNKNOWN_HTML
    return html_text(labels.frame_size(size) + (_APPROXIMATE if size.approximate else ""))


def _image_count(dataset: Dataset, count: int | None) -> str:
    if count is None:
        return UNKNOWN_HTML
    if dataset.images.approximate:
        return html_text(f"~{labels.number(count)}{_APPROXIMATE}")
    return html_text(labels.number(count))


def _licence(dataset: Dataset) -> str:
    licence = dataset.license
    if licence is None:
        return UNKNOWN_HTML + "; commercial use: unknown"
    name = ext_link_html(licence.url, licence.name) if licence.url else html_text(licence.name)
    return f"{name}; commercial use: {html_text(labels.commercial_use(dataset))}"


def summary_rows(dataset: Dataset, category: Category, category_href: str) -> list[tuple[str, str]]:
    """Label and cell HTML of each row; a corrected figure carries its erratum mark."""
    marks = {field: str(mark) for field, mark in erratum_marks(dataset).items()}

    def marked(cell: str, field: str) -> str:
        return cell + marks.get(field, "")

    dimensionality = labels.DIMENSIONALITY_LABELS.get(dataset.dimensionality.value) if dataset.dimensionality else None
    access = labels.ACCESS_LABELS[dataset.access.value] if dataset.access.value != "unknown" else None
    classes = html_text("; ".join(labels.classes_detail(c) for c in dataset.classes)) if dataset.classes else UNKNOWN_HTML
    if dataset.homepage:
        homepage = ext_link_html(dataset.homepage, dataset.homepage)
    else:
        homepage = f"{UNKNOWN_HTML}: {html_text(dataset.homepage_note or '')}"
    return [
        ("Category", f'<a href="{html_text(category_href)}">{html_text(category.title)}</a>'),
        ("Modality", marked(html_text(dataset.modality), "modality")),
        ("Target", marked(or_unknown_html(dataset.target), "target")),
        ("Tasks", marked(html_text(labels.tasks(dataset)), "tasks")),
        ("Frame size (pixels)", marked(_frame_size(dataset), "frame_size")),
        *(
            (labels.FIELD_LABELS[f"images.{part}"], marked(_image_count(dataset, getattr(dataset.images, part)), f"images.{part}"))
            for part in _IMAGE_PARTS
        ),
        ("Classes", marked(classes, "classes")),
        ("Dimensionality", or_unknown_html(dimensionality)),
        ("Year", marked(or_unknown_html(dataset.year), "year")),
        ("Access", or_unknown_html(access)),
        ("Licence", _licence(dataset)),
        ("Official page", marked(homepage, "homepage")),
    ]


def summary_table_body(dataset: Dataset, category: Category, category_href: str) -> Markup:
    """The table body: one ``<tr>`` line per row (labels are fixed text, cells were escaped as they were built)."""
    rows = summary_rows(dataset, category, category_href)
    return Markup("".join(f'<tr><th scope="row">{label}</th><td>{cell}</td></tr>\n' for label, cell in rows))  # noqa: S704 - see above
