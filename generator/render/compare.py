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
# a figure a source confirms there is none of (no training set, no official split)
NONE_CONFIRMED = "none"


def _figure(label: str, value: str | None, dataset: Dataset, field: str) -> list[Any]:
    """A figure's row and state: a value without a check is unconfirmed, an empty figure without one has no state.

    An empty figure reads "none" where a source confirms the absence, else "not reported".
    """
    check = dataset.figures.get(field)
    if check is not None:
        state: str | None = check.state.value
    else:
        state = None if value is None else FigureState.unconfirmed.value
    if value is None:
        confirmed = check is not None and check.state is FigureState.confirmed
        value = NONE_CONFIRMED if confirmed else labels.NOT_REPORTED
    return [label, value, state]


def _count(dataset: Dataset, value: int | None) -> str | None:
    if value is None:
        return None
    return ("~" if dataset.images.approximate else "") + labels.count(value, dataset.images.unit)


def _frame(dataset: Dataset) -> str | None:
    frame = dataset.frame_size
    if frame is None:
        return None
    return labels.frame_size_detail(frame)


def _classes(dataset: Dataset) -> str | None:
    if not dataset.classes:
        return None
    several = len(dataset.classes) > 1
    return "; ".join(labels.classes_detail(c, several) for c in dataset.classes)


def _get_data_rows(dataset: Dataset) -> list[list[Any]]:
    g = dataset.get_data
    if g is None:
        return [[name, NOT_RESEARCHED, None] for name in ("Image files", "Download size", "Subjects", "Official split", "Loaders")]
    split = g.split
    official = {"yes": "yes", "no": "none (the providers define no split)", "unknown": labels.NOT_REPORTED}[labels.official_split(split)]
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
        ["Origin", labels.ORIGIN_LABELS[dataset.origin.value], None],
        _figure("Version", dataset.version, dataset, "version"),
        ["Category", catalog.category(dataset.category).title, None],
        _figure("Modality", dataset.modality, dataset, "modality"),
        _figure("Target", dataset.target, dataset, "target"),
        _figure("Tasks", labels.tasks(dataset), dataset, "tasks"),
        _figure("Frame size", _frame(dataset), dataset, "frame_size"),
        _figure("Training count", _count(dataset, dataset.images.train), dataset, "images.train"),
        _figure("Test count", _count(dataset, dataset.images.test), dataset, "images.test"),
        _figure("Count in total", _count(dataset, dataset.images.total), dataset, "images.total"),
        _figure("Classes", _classes(dataset), dataset, "classes"),
        _figure("Year", str(dataset.year) if dataset.year else None, dataset, "year"),
        ["Access", labels.ACCESS_LABELS[dataset.access.value], None],
        ["Licence", licence.label if licence else NOT_RESEARCHED, None],
        ["Commercial use", labels.commercial_use(dataset), None],
        *_get_data_rows(dataset),
        ["Related datasets", _relations(catalog, dataset), None],
        ["Dataset DOI", ", ".join(d.value for d in dataset.dois) or "none known", None],
        ["Cited by (OpenAlex)", labels.number(cited.cited_by) if cited and cited.cited_by is not None else "not counted", None],
    ]
    return {"slug": dataset.slug, "name": dataset.name, "page": urls.dataset_url(dataset.slug), "rows": rows}
