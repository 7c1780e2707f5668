"""The write-up's Table 1 as a page: its values in its order, each correction of the catalog beside the value it corrects."""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Catalog, Dataset, Erratum, WriteUpMention, WriteUpRow

# Table 1's columns, the row field that holds each, and the catalog figures an erratum of that column names.
COLUMNS = (
    ("Name", "name", ("name",)),
    ("Modality", "modality", ("modality",)),
    ("Target", "target", ("target",)),
    ("Frame size", "frame_size", ("frame_size",)),
    ("# of images", "images", ("images.train", "images.test", "images.total")),
    ("# of classes", "classes", ("classes",)),
    ("Task", "task", ("tasks",)),
)
# how a correction of one part of the images column is named beside it
PART_NAMES = {"images.train": "training", "images.test": "test", "images.total": "total"}


@dataclass(frozen=True)
class Correction:
    """One erratum as a Table 1 cell shows it."""

    part: str | None  # which count of the images column it corrects (None: the whole cell)
    value: str


@dataclass(frozen=True)
class Cell:
    """A Table 1 cell: the write-up's value and the catalog's corrections of it."""

    value: str
    corrections: tuple[Correction, ...]


@dataclass(frozen=True)
class TableRow:
    """One row of the page's table."""

    number: int
    dataset: Dataset
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Mention:
    """A dataset the write-up describes only in its text."""

    dataset: Dataset
    mention: WriteUpMention


def _cell(row: WriteUpRow, attribute: str, fields: tuple[str, ...], errata: list[Erratum]) -> Cell:
    corrections = tuple(Correction(PART_NAMES.get(e.field), e.corrected_value) for e in errata if e.field in fields)
    return Cell(getattr(row, attribute), corrections)


def write_up_table(catalog: Catalog) -> tuple[list[TableRow], list[Mention]]:
    """Table 1's rows with their corrections, and the datasets the write-up adds in its text."""
    if catalog.write_up is None:
        return [], []
    by_slug = catalog.by_slug
    rows = []
    for number, row in enumerate(catalog.write_up.rows, start=1):
        dataset = by_slug[row.dataset]
        cells = tuple(_cell(row, attribute, fields, dataset.errata) for _, attribute, fields in COLUMNS)
        rows.append(TableRow(number, dataset, cells))
    mentions = [Mention(by_slug[m.dataset], m) for m in catalog.write_up.outside_table]
    return rows, mentions
