"""The cells of one dataset in the category and statistics tables."""

from __future__ import annotations

from dataclasses import dataclass

from ..labels import (
    ACCESS_LABELS,
    DIMENSIONALITY_LABELS,
    FORMAT_SEPARATOR,
    ORIGIN_LABELS,
    classes,
    classes_sort_key,
    commercial_use,
    commercial_use_slug,
    frame_size,
    frame_sort_key,
    images,
    images_sort_key,
    licence_short,
    number,
    official_split,
    search_text,
    tasks,
)
from ..models import Dataset


@dataclass(frozen=True)
class TableRow:
    """One dataset's cells in the category and statistics tables, computed once per build."""

    slug: str
    name: str
    version: str | None
    origin: str
    origin_label: str
    category: str
    modality: str
    target: str | None
    tasks: str
    tasks_attr: str
    frame: str | None
    frame_key: str
    images: str | None
    images_key: str
    unit: str
    dimensionality: str
    dimensionality_label: str | None
    classes: str | None
    classes_key: str
    access: str
    access_label: str | None
    license: str | None
    commercial: str
    commercial_slug: str
    search: str
    corrected_frame: bool
    corrected_images: bool
    corrected_classes: bool
    subjects: str | None
    subjects_key: str
    cited_by: str | None
    cited_by_key: str
    formats_attr: str
    split: str
    loader: str


def _key(value: int | None) -> str:
    return "" if value is None else str(value)


def table_row(dataset: Dataset, cited_by: int | None = None) -> TableRow:
    """The table cells of one dataset (unknown values as None, sort keys as text, '' when unknown)."""
    corrected = {e.field for e in dataset.errata}
    data = dataset.get_data
    subjects = data.subjects if data else None
    return TableRow(
        slug=dataset.slug,
        name=dataset.name,
        # a version named like the dataset itself (ChestX-ray14) would repeat the name beside it
        version=dataset.version if dataset.version and dataset.version.casefold() != dataset.name.casefold() else None,
        origin=dataset.origin.value,
        origin_label=ORIGIN_LABELS[dataset.origin.value],
        category=dataset.category,
        modality=dataset.modality,
        target=dataset.target,
        tasks=tasks(dataset),
        tasks_attr=" ".join(t.value for t in dataset.tasks),
        frame=frame_size(dataset.frame_size) if dataset.frame_size else None,
        frame_key=_key(frame_sort_key(dataset.frame_size)),
        images=None if dataset.images.is_unknown else images(dataset.images),
        images_key=_key(images_sort_key(dataset.images)),
        unit=dataset.images.unit.value if dataset.images.unit and not dataset.images.is_unknown else "",
        dimensionality=dataset.dimensionality.value if dataset.dimensionality else "",
        dimensionality_label=DIMENSIONALITY_LABELS[dataset.dimensionality.value] if dataset.dimensionality else None,
        classes=classes(dataset.classes) if dataset.classes else None,
        classes_key=_key(classes_sort_key(dataset.classes)),
        access=dataset.access.value,
        access_label=None if dataset.access.value == "unknown" else ACCESS_LABELS[dataset.access.value],
        license=licence_short(dataset),
        commercial=commercial_use(dataset),
        commercial_slug=commercial_use_slug(dataset),
        search=search_text(dataset),
        corrected_frame="frame_size" in corrected,
        corrected_images=bool(corrected & {"images.train", "images.test", "images.total"}),
        corrected_classes="classes" in corrected,
        subjects=f"{number(subjects.count)} {subjects.unit}" if subjects else None,
        subjects_key=_key(subjects.count if subjects else None),
        cited_by=None if cited_by is None else number(cited_by),
        cited_by_key=_key(cited_by),
        formats_attr=FORMAT_SEPARATOR.join(f.value for f in data.image_formats) if data else "",
        split=official_split(data.split) if data else "unknown",
        loader="yes" if data and data.loaders else "no",
    )
