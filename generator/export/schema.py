"""JSON Schema of the catalog files, exported from the models for editors."""

from __future__ import annotations

import json
from pathlib import Path

from ..models import Collection, Dataset, WantedList, WriteUp

SCHEMA_FILES = {
    "dataset.schema.json": Dataset,
    "collection.schema.json": Collection,
    "write-up.schema.json": WriteUp,
    "wanted.schema.json": WantedList,
}


def schema_texts() -> dict[str, str]:
    """File name → JSON Schema text, deterministic."""
    texts = {}
    for name, model in SCHEMA_FILES.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        texts[name] = json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    return texts


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema file into ``folder``; return the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_texts().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def stale_schemas(folder: Path) -> list[str]:
    """Names of schema files in ``folder`` that differ from the models."""
    return [
        name
        for name, text in schema_texts().items()
        if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != text
    ]
