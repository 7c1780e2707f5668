"""The committed JSON Schema equals the models'; `new` writes a complete, commented file."""

from __future__ import annotations

from pathlib import Path

from generator.cli import main
from generator.export.schema import schema_texts, stale_schemas

ROOT = Path(__file__).resolve().parents[2]


def test_committed_schema_equals_generated():
    assert stale_schemas(ROOT / "catalog" / "schema") == []
    assert set(schema_texts()) == {p.name for p in (ROOT / "catalog" / "schema").glob("*.json")}


def test_check_reports_stale_schema(catalog_copy, capsys):
    (catalog_copy / "schema" / "dataset.schema.json").write_text("{}\n")
    assert main(["check", "--catalog", str(catalog_copy)]) == 1
    assert "dataset.schema.json:1: (schema): out of date" in capsys.readouterr().err
