"""Shared test helpers: where things are, and a real site built in a folder (imported by tests and conftest)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from generator.build.jobs import render_tree
from generator.build.output import write_tree
from generator.load.catalog import load_catalog

ROOT = Path(__file__).resolve().parent.parent
CATALOG = ROOT / "catalog"
TEMPLATES = ROOT / "templates"
MINIMAL_CATALOG = ROOT / "tests" / "load" / "minimal"


def write_project(catalog_dir: Path, workdir: Path) -> None:
    """A buildable project in ``workdir``: mkdocs.yml (nav from the catalog), site_overrides and the docs tree."""
    catalog = load_catalog(catalog_dir)
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    # the nav lists the real catalog's categories; a test catalog gets its own
    for item in config["nav"]:
        if "Categories" in item:
            item["Categories"] = [f"categories/{c.slug}.md" for c in catalog.collection.categories]
    (workdir / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    shutil.copytree(ROOT / "site_overrides", workdir / "site_overrides")
    write_tree(render_tree(catalog, TEMPLATES), workdir / "build" / "docs")


def build_site(catalog_dir: Path, workdir: Path) -> Path:
    """Generate the docs tree and run a real `mkdocs build --strict`; return the site folder."""
    write_project(catalog_dir, workdir)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(workdir / "mkdocs.yml")],
        cwd=workdir,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    return workdir / "site"
