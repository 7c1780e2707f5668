"""JSON, CSV and BibTeX exports agree with the catalog."""

from __future__ import annotations

import csv
import io
import json

import bibtexparser

from generator.cli import main
from generator.export.datasets import CSV_COLUMNS, catalog_record, csv_row, safe_cells, to_bibtex, to_csv, to_json
from tests.helpers import ROOT

REQUIRED_KEYS = {
    "slug", "name", "aliases", "category", "modality", "target", "tasks", "frame_size", "images",
    "classes", "year", "description", "homepage", "access", "license", "references", "errata", "origin", "version",
}  # fmt: skip


def test_json_shape(catalog):
    data = json.loads(to_json(catalog))
    assert set(data) == {"schema_version", "catalog_version", "collection", "categories", "datasets"}
    assert data["catalog_version"] == data["collection"]["version"] == catalog.collection.version
    assert len(data["datasets"]) == len(catalog.datasets)
    assert [c["slug"] for c in data["categories"]] == [c.slug for c in catalog.collection.categories]
    listed = [slug for c in data["categories"] for slug in c["datasets"]]
    assert sorted(listed) == sorted(d["slug"] for d in data["datasets"])
    for record in data["datasets"]:
        assert set(record) >= REQUIRED_KEYS, record["slug"]
        assert set(record["images"]) == {"unit", "train", "test", "total", "approximate"}
        assert record["origin"] in {"write-up", "added"}
        counts = [record["images"][part] for part in ("train", "test", "total")]
        assert record["images"]["unit"] is not None or counts == [None, None, None], record["slug"]
        for value in (record["images"]["train"], record["images"]["test"], record["images"]["total"]):
            assert value is None or isinstance(value, int)
        for erratum in record["errata"]:
            assert set(erratum) == {"field", "collection_value", "corrected_value", "source", "note"}


def test_json_lines_hold_the_same_data_as_the_model_dump(catalog, tmp_path):
    """The export writes each dataset with pydantic's JSON serialiser; it must equal the plain dump (page included)."""
    from generator.load.catalog import load_catalog
    from generator.tools.synthetic import write_synthetic_catalog

    assert json.loads(to_json(catalog)) == catalog_record(catalog)
    synthetic = load_catalog(write_synthetic_catalog(tmp_path / "catalog", 60, seed=3))
    assert json.loads(to_json(synthetic)) == catalog_record(synthetic)


def test_json_numbers_match_models(catalog):
    data = {d["slug"]: d for d in json.loads(to_json(catalog))["datasets"]}
    for d in catalog.datasets:
        assert data[d.slug]["images"]["train"] == d.images.train
        assert data[d.slug]["images"]["total"] == d.images.total
        assert data[d.slug]["category"] == d.category


def test_export_command_writes_json(capsys):
    assert main(["export", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["datasets"]) == len(list((ROOT / "catalog" / "datasets").glob("*.yaml")))


def test_csv_has_table1_columns_first_and_one_row_per_dataset(catalog):
    rows = list(csv.DictReader(io.StringIO(to_csv(catalog))))
    assert CSV_COLUMNS[:7] == ["name", "modality", "target", "frame_size", "images", "classes", "task"]
    assert len(rows) == len(catalog.datasets)
    chexpert = next(r for r in rows if r["slug"] == "chexpert")
    assert chexpert["images_train"] == ""  # 224,316 is the whole dataset; no official training count is published
    assert chexpert["images_total"] == "224316"
    assert chexpert["task"] == "CLS"
    assert chexpert["frame_size"] == "~390×320"


def test_csv_neutralises_formulas():
    cells = ["=HYPERLINK(1)", "+1", "-1", "@SUM", "\tx", "plain", 5, "a=b"]
    assert safe_cells(cells) == ["'=HYPERLINK(1)", "'+1", "'-1", "'@SUM", "'\tx", "plain", 5, "a=b"]


def test_csv_export_neutralises_a_formula_in_catalog_text(catalog):
    first = catalog.datasets[0]
    hostile_first = first.model_copy(update={"description": '=HYPERLINK("http://x")'})
    hostile = catalog.model_copy(update={"datasets": (hostile_first, *catalog.datasets[1:])})
    row = next(csv.DictReader(io.StringIO(to_csv(hostile))))
    assert row["description"] == '\'=HYPERLINK("http://x")'


def test_csv_rows_give_every_column_in_order(catalog):
    assert all(list(csv_row(d)) == CSV_COLUMNS for d in catalog.datasets)


def test_bibtex_export_parses_with_a_standard_parser(catalog):
    library = bibtexparser.parse_string(to_bibtex(catalog))
    assert not library.failed_blocks
    assert {e.key for e in library.entries} == set(catalog.references)


def test_exports_carry_the_dataset_sheet_fields(catalog):
    """Figure states, licence findings, formats, splits, loaders and relations reach the JSON and the CSV."""
    data = {record["slug"]: record for record in json.loads(to_json(catalog))["datasets"]}
    rows = {row["slug"]: row for row in csv.DictReader(io.StringIO(to_csv(catalog)))}
    for column in ("license_status", "license_checked_url", "image_formats", "official_split", "subjects", "loaders", "relations"):
        assert column in CSV_COLUMNS
    for d in catalog.datasets:
        record, row = data[d.slug], rows[d.slug]
        assert {"figures", "get_data", "relations"} <= set(record), d.slug
        assert record["figures"] == {field: check.model_dump(mode="json") for field, check in d.figures.items()}
        states = json.loads(row["figure_states"]) if row["figure_states"] else {}
        assert states == {field: check.state.value for field, check in d.figures.items()}, d.slug
        if d.license is None:
            assert row["license_status"] == "not-researched"
        else:
            assert row["license_status"] == d.license.status.value
            assert row["license_checked_url"] == d.license.checked_url
        if d.get_data is not None:
            assert row["image_formats"] == "; ".join(f.value for f in d.get_data.image_formats)
            loaders = json.loads(row["loaders"]) if row["loaders"] else []
            assert [entry["call"] for entry in loaders] == [loader.call for loader in d.get_data.loaders]


def test_every_export_carries_the_catalog_version(catalog):
    version = catalog.collection.version
    rows = list(csv.DictReader(io.StringIO(to_csv(catalog))))
    assert {row["catalog_version"] for row in rows} == {version}
    bib = to_bibtex(catalog)
    assert bib.startswith(f"% {catalog.collection.title}, catalog version {version}: ")
    assert json.loads(to_json(catalog))["catalog_version"] == version
