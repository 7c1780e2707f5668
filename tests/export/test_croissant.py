"""Croissant 1.1 files: valid for MLCommons' validator, and complete where the validator does not look."""

from __future__ import annotations

import copy
import json
import logging
import re
from pathlib import Path

import bibtexparser
import pytest

from generator import urls
from generator.build.jobs import render_tree
from generator.export.croissant import CONFORMS_TO

ROOT = Path(__file__).resolve().parents[2]
WARNING_PROPERTY = re.compile(r'Property "https://schema.org/(\w+)" is recommended, but does not exist')


@pytest.fixture(scope="module")
def croissant_files(catalog) -> dict[str, dict]:
    files = render_tree(catalog, ROOT / "templates")
    return {path: json.loads(body) for path, body in files.items() if path.endswith("croissant.json")}


def test_one_file_per_dataset_and_one_for_the_collection(catalog, croissant_files):
    expected = {urls.dataset_croissant(d.slug) for d in catalog.datasets} | {urls.COLLECTION_CROISSANT}
    assert set(croissant_files) == expected


def test_mlcroissant_validates_every_file(catalog, croissant_files):
    mlc = pytest.importorskip("mlcroissant")
    logging.disable(logging.WARNING)  # the validator logs each check; its verdict is in the issues
    try:
        by_slug = {d.slug: d for d in catalog.datasets}
        for path, data in sorted(croissant_files.items()):
            dataset = mlc.Dataset(jsonld=copy.deepcopy(data))  # raises ValidationError on any error
            warnings = dataset.metadata.ctx.issues.warnings
            missing = set()
            for warning in warnings:
                match = WARNING_PROPERTY.search(warning)
                assert match, f"{path}: unexpected warning {warning}"
                missing.add(match.group(1))
            # only what the catalog does not know may be missing: a dataset's own version, an unsettled
            # licence or release year
            assert missing <= {"version", "license", "datePublished"}, (path, missing)
            if path == urls.COLLECTION_CROISSANT:
                assert "license" not in missing
                assert "version" not in missing
                continue
            d = by_slug[path.split("/")[1]]
            assert ("license" in missing) == (d.license is None or d.license.status.value != "stated"), path
    finally:
        logging.disable(logging.NOTSET)


def test_required_properties_the_validator_does_not_enforce(catalog, croissant_files):
    for d in catalog.datasets:
        data = croissant_files[urls.dataset_croissant(d.slug)]
        assert data["conformsTo"] == CONFORMS_TO
        assert data["@type"] == "sc:Dataset"
        assert data["name"] == d.name
        assert 50 <= len(data["description"]) <= 5000
        assert data["url"] == urls.absolute(catalog.collection.site_url, urls.dataset_page(d.slug))
        assert data["creator"], d.slug
        assert all(c["@type"] in ("Person", "Organization") and c["name"] for c in data["creator"]), d.slug
        cited = bibtexparser.parse_string(data["citeAs"])
        assert [e.key for e in cited.entries] == d.references
        assert data["sdVersion"] == catalog.collection.version
        assert d.modality in data["keywords"]
        if d.homepage:
            assert d.homepage in data["sameAs"]
        if d.license and d.license.status.value == "stated":
            assert data["license"], d.slug
        year = d.figures.get("year")
        if d.year and year and year.state.value in ("confirmed", "corrected"):
            assert data["datePublished"] == str(d.year)
        else:
            assert "datePublished" not in data, d.slug


def test_a_distribution_only_where_a_file_has_a_checksum(catalog, croissant_files):
    with_files = 0
    for d in catalog.datasets:
        data = croissant_files[urls.dataset_croissant(d.slug)]
        files = d.get_data.files if d.get_data else []
        if not files:
            assert "distribution" not in data, d.slug
            continue
        with_files += 1
        objects = data["distribution"]
        assert [o["contentUrl"] for o in objects] == [f.url for f in files]
        for obj, file in zip(objects, files, strict=True):
            assert obj["@type"] == "cr:FileObject"
            assert obj["encodingFormat"] == file.encoding_format
            assert obj.get("sha256") == file.sha256
            assert obj.get("md5") == file.md5
    assert with_files >= 5


def test_relations_and_dois_reach_the_file(catalog, croissant_files):
    derived = [d for d in catalog.datasets if any(r.type.value in ("derived-from", "successor-of") for r in d.relations)]
    assert derived, "the catalog has derived datasets to check"
    for d in derived:
        assert croissant_files[urls.dataset_croissant(d.slug)]["isBasedOn"], d.slug
    for d in catalog.datasets:
        data = croissant_files[urls.dataset_croissant(d.slug)]
        assert data.get("identifier", []) == [f"https://doi.org/{doi.value}" for doi in d.dois]


def test_the_collection_file_lists_every_dataset_file(catalog, croissant_files):
    data = croissant_files[urls.COLLECTION_CROISSANT]
    site = catalog.collection.site_url
    assert [part["@id"] for part in data["hasPart"]] == [site + urls.dataset_croissant(d.slug) for d in catalog.datasets]
    assert data["version"] == catalog.collection.version
    assert data["creator"]["name"] == catalog.collection.author.name
    assert bibtexparser.parse_string(data["citeAs"]).entries
