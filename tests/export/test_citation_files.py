"""CITATION.cff and .zenodo.json: both current, and saying the same things about the catalog."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from generator.export.citation_files import zenodo_json

ROOT = Path(__file__).resolve().parents[2]


def test_zenodo_json_is_current(catalog):
    committed = (ROOT / ".zenodo.json").read_text(encoding="utf-8")
    assert committed == zenodo_json(catalog.collection), "run `python -m generator cff`"


def test_zenodo_json_and_citation_cff_agree(catalog):
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    zenodo = json.loads((ROOT / ".zenodo.json").read_text(encoding="utf-8"))
    # both archive a dataset, not software (Zenodo's default for a GitHub release)
    assert cff["type"] == "dataset"
    assert zenodo["upload_type"] == "dataset"
    assert zenodo["title"] == cff["title"]
    assert zenodo["version"] == cff["version"] == catalog.collection.version
    assert zenodo["description"] == cff["abstract"]
    assert zenodo["keywords"] == cff["keywords"]
    assert [c["name"] for c in zenodo["creators"]] == [f"{a['family-names']}, {a['given-names']}" for a in cff["authors"]]
    assert [c["affiliation"] for c in zenodo["creators"]] == [a["affiliation"] for a in cff["authors"]]
    # the licence: CFF has no identifier for these terms and names them in its message; Zenodo gets its own identifier
    licence = catalog.collection.license
    assert licence.name in cff["message"]
    assert licence.name in zenodo["notes"]
    assert zenodo["license"] == licence.archive_id
    assert cff["url"] in zenodo["notes"]
    assert cff["repository-code"] in zenodo["notes"]


def test_cff_command_writes_both_files(tmp_path, catalog):
    from generator.cli import main

    cff, zen = tmp_path / "CITATION.cff", tmp_path / ".zenodo.json"
    assert main(["cff", "--out", str(cff), "--zenodo-out", str(zen)]) == 0
    assert cff.read_text(encoding="utf-8") == (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    assert zen.read_text(encoding="utf-8") == (ROOT / ".zenodo.json").read_text(encoding="utf-8")
