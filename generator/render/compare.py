"""What the compare page shows of one dataset: plain text rows, written beside its page as JSON.

The compare page (one static page for any selection, ``compare/?d=a,b``)
fetches these small files for the datasets asked for, so it never loads the
whole catalog; a slug without a file is named on the page as not in the
catalog. Values are plain text: the page's script writes them with
``textContent``, never as markup.
"""

from __future__ import annotations

from typing import Any

from .. import labels, urls
from ..models import Catalog, Dataset, FigureState

NOT_RESEARCHED = "not yet researched"


def _state(dataset: Dataset, field: str) -> str:
    """A figure's state; a figure without a check is unconfirmed."""
    check = dataset.figures.get(field)
    return check.state.value if check is not None else FigureState.unconfirmed.value


def _count(dataset: Dataset, value: int | None) -> str:
    if value is None:
        return labels.NOT_REPORTED
    return ("~" if dataset.images.approximate else "") + labels.number(value)


def _frame(dataset: Dataset) -> str:
    frame = dataset.frame_size
    if frame is None:
        return labels.NOT_REPORTED
    return labels.frame_size_detail(frame)


def _classes(dataset: Dataset) -> str:
    if not dataset.classes:
        return labels.NOT_REPORTED
    several = len(dataset.classes) > 1
    return "; ".join(labels.classes_detail(c, several) for c in dataset.classes)


def _get_data_rows(dataset: Dataset) -> list[list[Any]]:
    g = dataset.get_data
    if g is None:
        return [[name, NOT_RESEARCHED, None] for name in ("Image files", "Download size", "Subjects", "Official split", "Loaders")]
    split = g.split
    official = labels.official_split(split)
    counts = labels.split_counts(split) if split.official else ""
    return [
        ["Image files", ", ".join(f.value for f in g.image_formats) or labels.NOT_REPORTED, None],
        ["Download size", g.download_size.value if g.download_size else labels.NOT_REPORTED, None],
        ["Subjects", f"{labels.number(g.subjects.count)} {g.subjects.unit}" if g.subjects else labels.NOT_REPORTED, None],
        ["Official split", f"{official}: {counts}" if counts else official, None],
        ["Loaders", ", ".join(labels.LOADER_LABELS[loader.library] for loader in g.loaders) or "none documented", None],
    ]


def _relations(catalog: Catalog, dataset: Dataset) -> str:
    parts = []
    for entry in catalog.related(dataset.slug):
        label = labels.RELATION_LABELS[entry.relation.type][0 if entry.stated_here else 1]
        other = entry.other.name if entry.other is not None else entry.relation.name or ""
        parts.append(f"{label} {other}")
    return "; ".join(parts) or "none recorded"


def compare_record(catalog: Catalog, dataset: Dataset) -> dict[str, Any]:
    """One dataset's rows for the compare page: [label, value, figure state or None]."""
    licence = dataset.license
    cited = catalog.citations.datasets.get(dataset.slug)
    rows: list[list[Any]] = [
        ["Category", catalog.category(dataset.category).title, None],
        ["Modality", dataset.modality, _state(dataset, "modality")],
        ["Target", dataset.target or labels.NOT_REPORTED, _state(dataset, "target")],
        ["Tasks", labels.tasks(dataset), _state(dataset, "tasks")],
        ["Frame size", _frame(dataset), _state(dataset, "frame_size")],
        ["Training images", _count(dataset, dataset.images.train), _state(dataset, "images.train")],
        ["Test images", _count(dataset, dataset.images.test), _state(dataset, "images.test")],
        ["Images in total", _count(dataset, dataset.images.total), _state(dataset, "images.total")],
        ["Classes", _classes(dataset), _state(dataset, "classes")],
        ["Year", str(dataset.year) if dataset.year else labels.NOT_REPORTED, _state(dataset, "year")],
        ["Access", labels.ACCESS_LABELS[dataset.access.value], None],
        ["Licence", licence.label if licence else NOT_RESEARCHED, None],
        ["Commercial use", labels.commercial_use(dataset), None],
        *_get_data_rows(dataset),
        ["Related datasets", _relations(catalog, dataset), None],
        ["Dataset DOI", ", ".join(d.value for d in dataset.dois) or "none known", None],
        ["Cited by (OpenAlex)", labels.number(cited.cited_by) if cited and cited.cited_by is not None else "not counted", None],
    ]
    return {"slug": dataset.slug, "name": dataset.name, "page": urls.dataset_url(dataset.slug), "rows": rows}
