"""`generator new`: a dataset file with every field, which does not pass until it is filled in."""

from __future__ import annotations

import yaml

from generator.cli import main
from generator.models import Dataset


def test_new_writes_every_field(catalog_copy, capsys):
    assert main(["new", "my-dataset", "--catalog", str(catalog_copy)]) == 0
    path = catalog_copy / "datasets" / "my-dataset.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(data) == set(Dataset.model_fields)
    assert data["slug"] == "my-dataset"
    assert path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../schema/dataset.schema.json")
    capsys.readouterr()
    # unfilled, it does not pass: the placeholders are reported, located
    assert main(["check", "--catalog", str(catalog_copy)]) == 1
    err = capsys.readouterr().err
    assert "datasets/my-dataset.yaml:" in err
    # in the contributor's terms: the known categories and tasks are listed, no regular expression is shown
    assert "category: unknown category 'FILL-IN'; should be one of: x-ray, ultrasound, mri-ct" in err
    assert "tasks: list at least one task: classification, segmentation" in err
    assert "pattern" not in err
    assert "^[" not in err


def test_new_refuses_existing_and_invalid(catalog_copy, capsys):
    assert main(["new", "chexpert", "--catalog", str(catalog_copy)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main(["new", "Bad_Slug", "--catalog", str(catalog_copy)]) == 1
    assert "not valid" in capsys.readouterr().err
