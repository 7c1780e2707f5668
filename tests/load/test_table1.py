"""Every figure of the write-up's Table 1 is in the catalog, or corrected by a sourced erratum."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from generator import labels
from generator.models import Catalog, Dataset, Erratum

TABLE = Path(__file__).parent / "table1.tsv"
TASKS = {"CLS": "classification", "SEG": "segmentation", "Obj-D": "object-detection", "SP": "survival-prediction"}
UNKNOWN_WORDS = {"", "-", "null", "none", "not reported", "unknown"}


def table_rows() -> list[dict[str, str]]:
    lines = [ln for ln in TABLE.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def row_name(row: dict[str, str]) -> str:
    return re.sub(r"\s*\[[\d,\s]+\]$", "", row["Name"]).strip()


def find_dataset(catalog: Catalog, name: str) -> Dataset:
    matches = [d for d in catalog.datasets if name.casefold() in (n.casefold() for n in d.all_names)]
    assert len(matches) == 1, f"Table 1 row {name!r} must be the name or an alias of exactly one dataset"
    return matches[0]


def number(text: str) -> int | None:
    """'224,316' → 224316; '1.3M' → 1300000; '-' → None."""
    text = text.strip().lstrip("~").replace(",", "").replace(" ", "")
    if text.lower() in UNKNOWN_WORDS:
        return None
    if text.upper().endswith("M"):
        return round(float(text[:-1]) * 1_000_000)
    return int(text)


def numbers_in(text: str) -> list[int]:
    return [number(part) for part in re.findall(r"\d[\d,.]*M?", text)]


def table_images(text: str) -> dict[str, int | None]:
    if "/" in text:
        train, test = text.split("/")
        return {"train": number(train), "test": number(test), "total": None}
    return {"train": None, "test": None, "total": number(text)}


def covered(errata: list[Erratum], field: str, table_value: str, catalog_value: object) -> bool:
    """An erratum of ``field`` quotes the table's value and gives the catalog's."""
    for e in errata:
        if e.field != field:
            continue
        quoted = e.collection_value.strip()
        corrected = e.corrected_value.strip().lower()
        quotes_table = quoted == table_value.strip() or (table_value.strip() in UNKNOWN_WORDS and quoted.lower() in UNKNOWN_WORDS)
        if not quotes_table and numbers_in(table_value) and set(numbers_in(table_value)) & set(numbers_in(quoted)):
            quotes_table = True
        if catalog_value is None:
            # the figure is withdrawn (the figure's state says corrected, which the loader ties to this erratum)
            gives_catalog = True
        elif isinstance(catalog_value, int):
            gives_catalog = catalog_value in numbers_in(corrected)
        elif numbers_in(str(catalog_value)):
            gives_catalog = set(numbers_in(str(catalog_value))) <= set(numbers_in(corrected))
        else:
            gives_catalog = str(catalog_value).replace(" ", "").lower() == corrected.replace(" ", "")
        if quotes_table and gives_catalog:
            return True
    return False


def filled_from_a_source(d: Dataset, field: str, table_value: object) -> bool:
    """A figure the table leaves empty may be given where a source confirms it (the page links that source)."""
    check = d.figures.get(field)
    return table_value is None and check is not None and check.state.value == "confirmed"


ROWS = table_rows()


def test_table_has_35_rows():
    assert len(ROWS) == 35


@pytest.mark.parametrize("row", ROWS, ids=[row_name(r) for r in ROWS])
def test_row_figures_carried_over(row, catalog):
    d = find_dataset(catalog, row_name(row))
    problems = []

    size = d.frame_size
    catalog_size = "-" if size is None else labels.frame_size(size).replace(" ", "")
    # a frame size may change form (several sizes, a range, "varies"), so an erratum that quotes the table covers it
    size_erratum = any(e.field == "frame_size" and e.collection_value.replace(" ", "") == row["Frame Size"] for e in d.errata)
    # "average 500 × 500" states how the write-up's "500×500" is meant: the same figure
    if catalog_size.removeprefix("average") != row["Frame Size"] and not size_erratum:
        problems.append(f"frame_size: table {row['Frame Size']!r}, catalog {catalog_size!r}")

    expected = table_images(row["# of Images"])
    for part, table_value in expected.items():
        value = getattr(d.images, part)
        if (
            value != table_value
            and not covered(d.errata, f"images.{part}", row["# of Images"], value)
            and not filled_from_a_source(d, f"images.{part}", table_value)
        ):
            problems.append(f"images.{part}: table {table_value}, catalog {value}")
    if "M" in row["# of Images"] and not d.images.approximate and not d.errata:
        problems.append("images: the table's rounded figure must be marked approximate")

    table_classes = [] if row["# of Classes"] == "-" else [int(c) for c in row["# of Classes"].split("/")]
    catalog_classes = [c.count for c in d.classes or []]
    if table_classes != catalog_classes and not covered(
        d.errata, "classes", row["# of Classes"], "/".join(map(str, catalog_classes)) or None
    ):
        problems.append(f"classes: table {table_classes}, catalog {catalog_classes}")

    table_tasks = [TASKS[t] for t in row["Task"].split("/")]
    if sorted(table_tasks) != sorted(t.value for t in d.tasks) and not any(e.field == "tasks" for e in d.errata):
        problems.append(f"tasks: table {table_tasks}, catalog {[t.value for t in d.tasks]}")

    assert not problems, f"{d.slug}: " + "; ".join(problems)


def test_every_erratum_has_a_source_and_note(catalog):
    for d in catalog.datasets:
        for e in d.errata:
            assert e.source.startswith(("https://", "http://"))
            assert e.note
