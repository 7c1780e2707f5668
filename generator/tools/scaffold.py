"""``generator new SLUG``: a dataset file with every field, commented, ready to fill in."""

from __future__ import annotations

import re
from pathlib import Path

from ..models import SLUG_PATTERN

TEMPLATE_NAME = "new_dataset.yaml"


class ScaffoldError(Exception):
    """The new file cannot be written (bad slug, file exists)."""


def new_dataset_file(slug: str, catalog_dir: Path, templates_dir: Path) -> Path:
    """Write ``datasets/<slug>.yaml`` from the template; never overwrite."""
    if not re.fullmatch(SLUG_PATTERN, slug):
        raise ScaffoldError(f"slug {slug!r} is not valid: use lowercase letters, digits and single hyphens (e.g. 'my-dataset-2024')")
    path = catalog_dir / "datasets" / f"{slug}.yaml"
    if path.exists():
        raise ScaffoldError(f"{path} already exists; edit it instead")
    text = (templates_dir / TEMPLATE_NAME).read_text(encoding="utf-8").replace("__SLUG__", slug)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
