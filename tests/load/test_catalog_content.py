"""The real catalog: complete, categorised as the issue asks, every dataset usable by a reader."""

from __future__ import annotations

from pathlib import Path

from generator.models import Access

ROOT = Path(__file__).resolve().parents[2]
EXPECTED_CATEGORIES = ["x-ray", "ultrasound", "mri-ct", "histopathology", "fundus-oct", "dermoscopy", "natural"]


def test_36_datasets_in_seven_categories(catalog):
    assert len(catalog.datasets) == 36
    assert [c.slug for c in catalog.collection.categories] == EXPECTED_CATEGORIES
    assert all(catalog.in_category(c) for c in EXPECTED_CATEGORIES)
    assert sum(len(catalog.in_category(c)) for c in EXPECTED_CATEGORIES) == 36


def test_categories_follow_table1_modality(catalog):
    by_slug = {d.slug: d for d in catalog.datasets}
    assert by_slug["luna"].category == "mri-ct"
    assert by_slug["nlst"].category == "mri-ct"
    assert by_slug["mura"].category == "x-ray"
    assert len(catalog.in_category("natural")) == 4
    cervical = by_slug["kimccs"]
    assert cervical.modality == "Cervicography"
    assert cervical.category_note, "the cervicography set must say why it sits in its category"


def test_every_dataset_is_complete_for_a_reader(catalog):
    for d in catalog.datasets:
        assert len(d.description) >= 50, d.slug
        assert d.homepage or d.homepage_note, d.slug
        assert isinstance(d.access, Access), d.slug
        assert d.references, d.slug
        assert all(key in catalog.references for key in d.references), d.slug


def test_mura_is_not_in_table1_and_says_where_its_figures_come_from(catalog):
    mura = next(d for d in catalog.datasets if d.slug == "mura")
    assert mura.figures_source is not None
    assert mura.figures_source.url.startswith("https://")


def test_searchable_names_from_the_issue(catalog):
    names = {n.casefold(): d.slug for d in catalog.datasets for n in d.all_names}
    assert names["chestxray 2017"] == "chestxray-2017"
    assert names["chestxray 2017".replace(" ", " ")] == "chestxray-2017"
    assert names["nci-isbi 2013"] == "nci-isbi-2013"
    assert names["tcia"] == "nci-isbi-2013"
    assert "chestxrray 2017" in names


def test_known_trouble_spots_are_settled_by_errata(catalog):
    by_slug = {d.slug: d for d in catalog.datasets}
    fields = {slug: {e.field for e in d.errata} for slug, d in by_slug.items()}
    assert {"images.train", "images.test", "classes"} <= fields["pascal-voc"]
    assert "images.test" in fields["imagenet"]
    assert by_slug["imagenet"].images.test == 50_000
    assert "images.test" in fields["chexpert"]
    assert "images.total" in fields["stare"]


def test_every_catalog_file_points_editors_at_the_schema():
    for path in sorted((ROOT / "catalog" / "datasets").glob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schema/dataset.schema.json", path.name
    first = (ROOT / "catalog" / "collection.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=schema/collection.schema.json"


def test_references_parse_and_have_required_fields(catalog):
    assert len(catalog.references) == 39
    for ref in catalog.references.values():
        assert ref.fields.get("title")
        assert ref.fields.get("year")
        assert ref.fields.get("author")
