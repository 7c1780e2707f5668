"""``generator new SLUG``: a dataset file with every field, commented, ready to fill in."""

from __future__ import annotations

import re
from pathlib import Path

from ..models import FIGURE_FIELDS, IMAGE_UNITS, SLUG_PATTERN, Access, CountUnit, Dimensionality, LoaderLibrary, Origin, Task

TEMPLATE_NAME = "new_dataset.yaml"


class ScaffoldError(Exception):
    """The new file cannot be written (bad slug, file exists)."""


def _categories(catalog_dir: Path) -> list[str]:
    """The category slugs of collection.yaml (read plainly: the new file is written before any check runs)."""
    path = catalog_dir / "collection.yaml"
    if not path.is_file():
        return []
    return re.findall(r"^  - slug: ([a-z0-9-]+)\s*$", path.read_text(encoding="utf-8"), flags=re.MULTILINE)


def vocabulary_comments(catalog_dir: Path) -> dict[str, str]:
    """The allowed values the template's comments list, from the model (each vocabulary is defined once)."""
    return {
        "__ORIGINS__": " | ".join(o.value for o in Origin),
        "__CATEGORIES__": " | ".join(_categories(catalog_dir)) or "a category slug of collection.yaml",
        "__TASKS__": ", ".join(t.value for t in Task),
        "__UNITS__": " | ".join(u.value for u in IMAGE_UNITS),
        "__SPLIT_UNITS__": " | ".join(u.value for u in CountUnit),
        "__DIMENSIONALITIES__": " | ".join(d.value for d in Dimensionality),
        "__ACCESS__": " | ".join(a.value for a in Access),
        "__LOADERS__": ", ".join(library.value for library in LoaderLibrary),
        "__FIGURES__": ", ".join(FIGURE_FIELDS),
    }


def new_dataset_file(slug: str, catalog_dir: Path, templates_dir: Path) -> Path:
    """Write ``datasets/<slug>.yaml`` from the template; never overwrite."""
    if not re.fullmatch(SLUG_PATTERN, slug):
        raise ScaffoldError(f"slug {slug!r} is not valid: use lowercase letters, digits and single hyphens (e.g. 'my-dataset-2024')")
    path = catalog_dir / "datasets" / f"{slug}.yaml"
    if path.exists():
        raise ScaffoldError(f"{path} already exists; edit it instead")
    text = (templates_dir / TEMPLATE_NAME).read_text(encoding="utf-8").replace("__SLUG__", slug)
    for placeholder, values in vocabulary_comments(catalog_dir).items():
        text = text.replace(placeholder, values)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
