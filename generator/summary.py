"""The summary table of a dataset page, as (label, cell) rows.

Built in Python rather than in the page template: the table is a dozen
cells with conditions and erratum marks, and as template code it was the
most expensive part of rendering a dataset page (each function call from a
template goes through Jinja's runtime).
"""

from __future__ import annotations

from markupsafe import Markup, escape

from . import figures
from .markup import UNKNOWN, erratum_marks, ext_link, or_unknown
from .models import Category, Dataset

_APPROXIMATE = " (approximate)"
_IMAGE_PARTS = (("train", "Images: training"), ("test", "Images: test"), ("total", "Images: total"))


def _frame_size(dataset: Dataset) -> Markup:
    size = dataset.frame_size
    if size is None:
        return UNKNOWN
    return escape(figures.frame_size(size) + (_APPROXIMATE if size.approximate else ""))


def _image_count(dataset: Dataset, count: int | None) -> Markup:
    if count is None:
        return UNKNOWN
    if dataset.images.approximate:
        return escape(f"~{figures.number(count)}{_APPROXIMATE}")
    return escape(figures.number(count))


def _licence(dataset: Dataset) -> Markup:
    licence = dataset.license
    if licence is None:
        return UNKNOWN + "; commercial use: unknown"
    name = ext_link(licence.url, licence.name) if licence.url else escape(licence.name)
    return name + "; commercial use: " + figures.commercial_use(dataset)


def summary_rows(dataset: Dataset, category: Category, category_href: str) -> list[tuple[str, Markup]]:
    """Label and cell HTML of each row; a corrected figure carries its erratum mark."""
    marks = erratum_marks(dataset)
    none = Markup("")

    def marked(cell: Markup, field: str) -> Markup:
        return cell + marks.get(field, none)

    dimensionality = figures.DIMENSIONALITY_LABELS.get(dataset.dimensionality.value) if dataset.dimensionality else None
    access = figures.ACCESS_LABELS[dataset.access.value] if dataset.access.value != "unknown" else None
    classes = escape("; ".join(figures.classes_detail(c) for c in dataset.classes)) if dataset.classes else UNKNOWN
    homepage = ext_link(dataset.homepage, dataset.homepage) if dataset.homepage else UNKNOWN + ": " + (dataset.homepage_note or "")
    return [
        ("Category", Markup(f'<a href="{escape(category_href)}">{escape(category.title)}</a>')),  # noqa: S704 - escaped
        ("Modality", marked(escape(dataset.modality), "modality")),
        ("Target", marked(or_unknown(dataset.target), "target")),
        ("Tasks", marked(escape(figures.tasks(dataset)), "tasks")),
        ("Frame size (pixels)", marked(_frame_size(dataset), "frame_size")),
        *((label, marked(_image_count(dataset, getattr(dataset.images, part)), f"images.{part}")) for part, label in _IMAGE_PARTS),
        ("Classes", marked(classes, "classes")),
        ("Dimensionality", or_unknown(dimensionality)),
        ("Year", marked(or_unknown(dataset.year), "year")),
        ("Access", or_unknown(access)),
        ("Licence", _licence(dataset)),
        ("Official page", marked(homepage, "homepage")),
    ]
