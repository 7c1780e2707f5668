"""Machine-readable exports of the catalog: JSON, CSV and BibTeX."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel

from .. import labels, urls
from ..models import Catalog, Dataset
from ..render.escaping import compact_json

# 2: frame sizes in several forms, licence findings, figure states, get_data, relations
# 3: the catalog's version, dataset DOIs, files with checksums
# 4: origin, version, the unit of counts (also of splits, now singular), credentialed / on-request /
#    unavailable access, licence status none-found with the pages checked, new tasks and dimensionality
SCHEMA_VERSION = 4

# Cells that a spreadsheet would run as a formula start with one of these.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def page_path(dataset: Dataset) -> str:
    """The dataset page's path below the site root, as the exports give it."""
    return urls.dataset_url(dataset.slug)


def dataset_record(dataset: Dataset) -> dict[str, Any]:
    """One dataset as plain JSON data (every field of the model, page path added)."""
    record = dataset.model_dump(mode="json")
    record["page"] = page_path(dataset)
    return record


def catalog_record_head(catalog: Catalog) -> dict[str, Any]:
    """The JSON export's object without its datasets: schema version, collection and categories."""
    collection = catalog.collection.model_dump(mode="json", exclude={"categories"})
    categories = [
        {**c.model_dump(mode="json"), "datasets": [d.slug for d in catalog.in_category(c.slug)]} for c in catalog.collection.categories
    ]
    version = catalog.collection.version
    return {"schema_version": SCHEMA_VERSION, "catalog_version": version, "collection": collection, "categories": categories}


def catalog_record(catalog: Catalog) -> dict[str, Any]:
    """The whole catalog as the JSON export's object."""
    return {**catalog_record_head(catalog), "datasets": [dataset_record(d) for d in catalog.datasets]}


def to_json(catalog: Catalog) -> str:
    """JSON export, stable key order for byte-identical builds.

    One dataset per line, readable and diff-friendly. Each line comes from
    pydantic's own JSON serialiser (keys in the model's field order, then
    ``page``), which is several times faster than dumping ``dataset_record``
    at 10,000 datasets; a test checks that both give the same data.
    """
    record = catalog_record_head(catalog)
    head = json.dumps(record, ensure_ascii=False, sort_keys=True)
    lines = ",\n".join(_dataset_line(d) for d in catalog.datasets)
    return head[:-1] + ', "datasets": [\n' + lines + "\n]}\n"


def _dataset_line(dataset: Dataset) -> str:
    line = dataset.model_dump_json()
    return f"{line[:-1]},{json.dumps('page')}:{json.dumps(page_path(dataset), ensure_ascii=False)}}}"


def safe_cells(values: Iterable[Any]) -> list[Any]:
    """The cells of a row, each text a spreadsheet would evaluate as a formula prefixed with a quote."""
    # one comprehension rather than a call per cell: 34 cells × 10,000 rows made that call a third of the CSV's cost
    return ["'" + value if type(value) is str and value.startswith(_FORMULA_STARTS) else value for value in values]


# The columns of the get-the-data section, in order.
GET_DATA_COLUMNS = (
    "image_formats",
    "annotation_formats",
    "download_size",
    "subjects",
    "subjects_unit",
    "official_split",
    "split_train",
    "split_validation",
    "split_test",
    "split_unit",
    "split_key",
    "loaders",
    "files",
    "known_issues",
)

CSV_COLUMNS = [
    # Table 1's columns first, in its order and notation
    "name",
    "modality",
    "target",
    "frame_size",
    "images",
    "classes",
    "task",
    # then every field as structured values
    "slug",
    "origin",
    "version",
    "category",
    "aliases",
    "tasks",
    "frame_width",
    "frame_height",
    "frame_basis",
    "images_train",
    "images_test",
    "images_total",
    "images_unit",
    "images_approximate",
    "classes_detail",
    "dimensionality",
    "year",
    "access",
    "license",
    "license_url",
    "commercial_use",
    "license_status",
    "license_conditions",
    "license_checked_url",
    "license_also_checked",
    "license_checked_on",
    *GET_DATA_COLUMNS,
    "relations",
    "figure_states",
    "homepage",
    "homepage_note",
    "dois",
    "references",
    "description",
    "category_note",
    "former_slugs",
    "figures_source",
    "errata",
    "page",
    "catalog_version",
]


def _json_list(items: Iterable[BaseModel]) -> str:
    """Nested records as one JSON cell ('' when there are none)."""
    records = [item.model_dump(mode="json") for item in items]
    return json.dumps(records, ensure_ascii=False) if records else ""


def _get_data_cells(dataset: Dataset) -> dict[str, Any]:
    """The CSV cells of the get-the-data section (empty where it is not researched)."""
    g = dataset.get_data
    if g is None:
        return {**dict.fromkeys(GET_DATA_COLUMNS, ""), "official_split": "unknown"}
    split = g.split
    return {
        "image_formats": "; ".join(f.value for f in g.image_formats),
        "annotation_formats": "; ".join(f.value for f in g.annotation_formats),
        "download_size": g.download_size.value if g.download_size else "",
        "subjects": g.subjects.count if g.subjects else "",
        "subjects_unit": g.subjects.unit if g.subjects else "",
        "official_split": labels.official_split(split),
        "split_train": "" if split.train is None else split.train,
        "split_validation": "" if split.validation is None else split.validation,
        "split_test": "" if split.test is None else split.test,
        "split_unit": split.unit.value,
        "split_key": split.key.value if split.key else "",
        "loaders": _json_list(g.loaders),
        "files": _json_list(g.files),
        "known_issues": _json_list(g.known_issues),
    }


def csv_row(dataset: Dataset, catalog_version: str = "") -> dict[str, Any]:
    """One CSV row, keys in ``CSV_COLUMNS`` order; lists are joined with '; ' and nested records are JSON."""
    size, counts, lic = dataset.frame_size, dataset.images, dataset.license
    largest = size.largest if size else None
    return {
        "name": dataset.name,
        "modality": dataset.modality,
        "target": dataset.target or "",
        "frame_size": labels.frame_size(size).replace(" ", ""),
        "images": labels.images(counts),
        "classes": labels.classes(dataset.classes),
        "task": "/".join(labels.TASK_ABBREVIATIONS.get(t, t.value) for t in dataset.tasks),
        "slug": dataset.slug,
        "origin": dataset.origin.value,
        "version": dataset.version or "",
        "category": dataset.category,
        "aliases": "; ".join(dataset.aliases),
        "tasks": "; ".join(t.value for t in dataset.tasks),
        "frame_width": largest.width if largest else "",
        "frame_height": largest.height if largest else "",
        "frame_basis": "" if size is None else "varies" if size.varies else size.basis.value,
        "images_train": "" if counts.train is None else counts.train,
        "images_test": "" if counts.test is None else counts.test,
        "images_total": "" if counts.total is None else counts.total,
        "images_unit": counts.unit.value if counts.unit else "",
        "images_approximate": str(counts.approximate).lower(),
        "classes_detail": json.dumps([c.model_dump(mode="json") for c in dataset.classes], ensure_ascii=False) if dataset.classes else "",
        "dimensionality": dataset.dimensionality.value if dataset.dimensionality else "",
        "year": dataset.year or "",
        "access": dataset.access.value,
        "license": lic.label if lic else "",
        "license_url": lic.url or "" if lic else "",
        "commercial_use": labels.commercial_use(dataset),
        "license_status": lic.status.value if lic else "not-researched",
        "license_conditions": "; ".join(c.value for c in lic.conditions) if lic else "",
        "license_checked_url": lic.checked_url if lic else "",
        "license_also_checked": "; ".join(lic.also_checked) if lic else "",
        "license_checked_on": lic.checked_on.isoformat() if lic else "",
        **_get_data_cells(dataset),
        "relations": _json_list(dataset.relations),
        "figure_states": json.dumps({field: check.state.value for field, check in dataset.figures.items()}) if dataset.figures else "",
        "homepage": dataset.homepage or "",
        "homepage_note": dataset.homepage_note or "",
        "dois": "; ".join(d.value for d in dataset.dois),
        "references": "; ".join(dataset.references),
        "description": dataset.description,
        "category_note": dataset.category_note or "",
        "former_slugs": "; ".join(dataset.former_slugs),
        "figures_source": json.dumps(dataset.figures_source.model_dump(mode="json"), ensure_ascii=False) if dataset.figures_source else "",
        "errata": json.dumps([e.model_dump(mode="json") for e in dataset.errata], ensure_ascii=False) if dataset.errata else "",
        "page": page_path(dataset),
        "catalog_version": catalog_version,
    }


class _LineCapture:
    """A file for csv.writer that keeps the last line written (one writer serves every row)."""

    line = ""

    def write(self, text: str) -> None:
        self.line = text


def csv_lines(catalog: Catalog) -> dict[str, str]:
    """Each dataset's CSV line (with its newline), by slug, in catalog order."""
    capture = _LineCapture()
    writer = csv.writer(capture, lineterminator="\n")
    lines = {}
    for dataset in catalog.datasets:
        writer.writerow(safe_cells(csv_row(dataset, catalog.collection.version).values()))
        lines[dataset.slug] = capture.line
    return lines


def _csv_header() -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(CSV_COLUMNS)
    return buffer.getvalue()


def to_csv(catalog: Catalog, lines: dict[str, str] | None = None) -> str:
    """CSV export: one row per dataset, Table 1's columns first (``lines`` if already computed)."""
    return _csv_header() + "".join((lines or csv_lines(catalog)).values())


def statistics_downloads(catalog: Catalog, lines: dict[str, str] | None = None) -> str:
    """What the statistics page needs to download the rows shown: the same CSV lines and BibTeX as the exports.

    The page joins these pieces instead of re-implementing CSV quoting or
    BibTeX in JavaScript, so a download equals the matching rows of the export.
    """
    data = {
        "csv_header": _csv_header(),
        "csv": lines or csv_lines(catalog),
        "references": {d.slug: d.references for d in catalog.datasets},
        "bibtex": {key: ref.bibtex for key, ref in catalog.references.items()},
    }
    return compact_json(data, sort_keys=True) + "\n"


def to_bibtex(catalog: Catalog) -> str:
    """Every reference of the catalog, as the .bib file gives it, after a comment naming the catalog's version.

    BibTeX ignores text outside entries, so the comment changes nothing for a reader of the entries.
    """
    collection = catalog.collection
    head = f"% {collection.title}, catalog version {collection.version}: {collection.site_url}\n\n"
    return head + "\n\n".join(ref.bibtex for ref in catalog.references.values()) + "\n"
