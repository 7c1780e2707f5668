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
from ..models import Category, Dataset, FigureState, LicenceStatus, Origin
from .escaping import html_text
from .markup import UNKNOWN_HTML, erratum_marks, ext_link_html, or_unknown_html

_IMAGE_PARTS = ("train", "test", "total")


def _frame_size(dataset: Dataset) -> str:
    frame = dataset.frame_size
    if frame is None:
        return UNKNOWN_HTML
    text = labels.frame_size_detail(frame)
    return html_text(f"{text}: {frame.note}" if frame.note else text)


def _image_count(dataset: Dataset, count: int | None) -> str:
    if count is None:
        return UNKNOWN_HTML
    text = labels.count(count, dataset.images.unit)
    if dataset.images.approximate:
        return html_text(f"~{text}{labels.APPROXIMATE}")
    return html_text(text)


def _licence(dataset: Dataset) -> str:
    licence = dataset.license
    if licence is None:
        return '<span class="mdc-unknown">not yet researched</span>; commercial use: unknown'
    name = ext_link_html(licence.url, licence.label) if licence.url else html_text(licence.label)
    return f"{name}; commercial use: {html_text(labels.commercial_use(dataset))}"


def _licence_state(dataset: Dataset) -> str:
    licence = dataset.license
    if licence is None:
        return '<span class="mdc-state mdc-state-unchecked">no provider page has been checked yet</span>'
    day = licence.checked_on.isoformat()
    when = f'<time datetime="{day}">{day}</time>'
    if licence.status is LicenceStatus.stated:
        checked = f"{ext_link_html(licence.checked_url, 'provider page')} checked on {when}"
        return f'<span class="mdc-state mdc-state-confirmed">{checked}</span>'
    pages = licence.pages_checked
    links = ", ".join(ext_link_html(url, f"page {i}") for i, url in enumerate(pages, start=1))
    noun = "provider page" if len(pages) == 1 else f"{len(pages)} provider pages"
    return f'<span class="mdc-state mdc-state-none-found">{noun} checked on {when}: {links}</span>'


EMPTY_STATE = '<span class="mdc-state mdc-state-empty">no source read states it</span>'


def figure_state(dataset: Dataset, field: str, empty: bool = False) -> str:
    """The state of one figure as HTML: confirmed with its source, corrected (see the erratum), unconfirmed with the note.

    ``empty``: the figure has no value. An added dataset leaves a figure empty where no source
    read states it, which is a finding of its own rather than a check not yet made.
    """
    check = dataset.figures.get(field)
    if check is None:
        if empty and dataset.origin is Origin.added:
            return EMPTY_STATE
        return '<span class="mdc-state mdc-state-unchecked">not yet checked against a source</span>'
    if check.state is FigureState.confirmed:
        assert check.source is not None  # the model requires it
        note = f" ({html_text(check.note)})" if check.note else ""
        return f'<span class="mdc-state mdc-state-confirmed">confirmed: {ext_link_html(check.source, "source")}{note}</span>'
    if check.state is FigureState.corrected:
        return '<span class="mdc-state mdc-state-corrected">corrected: <a href="#errata">see the erratum</a></span>'
    return f'<span class="mdc-state mdc-state-unconfirmed">unconfirmed: {html_text(check.note or "")}</span>'


def summary_rows(dataset: Dataset, category: Category, category_href: str) -> list[tuple[str, str, str]]:
    """Label, cell HTML and state HTML of each row; a corrected figure carries its erratum mark, rows that are no figure no state."""
    marks = {field: str(mark) for field, mark in erratum_marks(dataset).items()}

    def figure(label: str, cell: str, field: str) -> tuple[str, str, str]:
        return label, cell + marks.get(field, ""), figure_state(dataset, field, empty=cell.startswith(UNKNOWN_HTML))

    dimensionality = labels.DIMENSIONALITY_LABELS.get(dataset.dimensionality.value) if dataset.dimensionality else None
    access = labels.ACCESS_LABELS[dataset.access.value] if dataset.access.value != "unknown" else None
    several = bool(dataset.classes) and len(dataset.classes) > 1
    classes = html_text("; ".join(labels.classes_detail(c, several) for c in dataset.classes)) if dataset.classes else UNKNOWN_HTML
    if dataset.homepage:
        homepage = ext_link_html(dataset.homepage, dataset.homepage)
    else:
        homepage = f"{UNKNOWN_HTML}: {html_text(dataset.homepage_note or '')}"
    version = []
    if dataset.version is not None or dataset.origin is Origin.added:
        version = [figure("Version", or_unknown_html(dataset.version), "version")]
    return [
        ("Category", f'<a href="{html_text(category_href)}">{html_text(category.title)}</a>', ""),
        ("Origin", html_text(labels.ORIGIN_LABELS[dataset.origin.value]), ""),
        *version,
        figure("Modality", html_text(dataset.modality), "modality"),
        figure("Target", or_unknown_html(dataset.target), "target"),
        figure("Tasks", html_text(labels.tasks(dataset)), "tasks"),
        figure("Frame size (pixels)", _frame_size(dataset), "frame_size"),
        *(
            figure(labels.FIELD_LABELS[f"images.{part}"], _image_count(dataset, getattr(dataset.images, part)), f"images.{part}")
            for part in _IMAGE_PARTS
        ),
        figure("Classes", classes, "classes"),
        ("Dimensionality", or_unknown_html(dimensionality), ""),
        figure("Year", or_unknown_html(dataset.year), "year"),
        ("Access", or_unknown_html(access), ""),
        ("Licence", _licence(dataset), _licence_state(dataset)),
        figure("Official page", homepage, "homepage"),
    ]


def summary_table_body(dataset: Dataset, category: Category, category_href: str) -> Markup:
    """The table body: one ``<tr>`` line per row (labels are fixed text, cells were escaped as they were built)."""
    rows = summary_rows(dataset, category, category_href)
    return Markup(  # noqa: S704 - see above
        "".join(
            f'<tr><th scope="row">{label}</th><td>{cell}</td><td class="mdc-state-cell">{state}</td></tr>\n' for label, cell, state in rows
        )
    )
