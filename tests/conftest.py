"""Shared fixtures: the real catalog, and a real site built once per session in a temporary folder."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.catalog import load_catalog
from generator.models import Catalog
from generator.output import write_tree
from generator.render import render_tree

ROOT = Path(__file__).resolve().parent.parent
CATALOG = ROOT / "catalog"
TEMPLATES = ROOT / "templates"
MINIMAL_CATALOG = ROOT / "tests" / "catalog" / "minimal"


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


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The real catalog, loaded and validated."""
    return load_catalog(CATALOG)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per session from the real catalog."""
    return build_site(CATALOG, tmp_path_factory.mktemp("site-build"))


@pytest.fixture
def catalog_copy(tmp_path: Path) -> Path:
    """A writable copy of the real catalog."""
    target = tmp_path / "catalog"
    shutil.copytree(CATALOG, target)
    return target


@pytest.fixture
def minimal_catalog(tmp_path: Path) -> Path:
    """A writable copy of the small valid catalog used by the bad-input corpus."""
    target = tmp_path / "catalog"
    shutil.copytree(MINIMAL_CATALOG, target)
    return target


@pytest.fixture(scope="session")
def renamed_site(tmp_path_factory) -> Path:
    """The real catalog with DRIVE renamed to drive-db and X-ray renamed to radiography."""
    work = tmp_path_factory.mktemp("renamed")
    catalog = work / "catalog"
    shutil.copytree(CATALOG, catalog)
    source = catalog / "datasets" / "drive.yaml"
    text = source.read_text(encoding="utf-8").replace("slug: drive\n", "slug: drive-db\nformer_slugs: [drive]\n", 1)
    (catalog / "datasets" / "drive-db.yaml").write_text(text, encoding="utf-8")
    source.unlink()
    collection = catalog / "collection.yaml"
    collection.write_text(
        collection.read_text(encoding="utf-8").replace("  - slug: x-ray\n", "  - slug: radiography\n    former_slugs: [x-ray]\n", 1),
        encoding="utf-8",
    )
    for path in (catalog / "datasets").glob("*.yaml"):
        path.write_text(path.read_text(encoding="utf-8").replace("category: x-ray\n", "category: radiography\n"), encoding="utf-8")
    assert subprocess.run([sys.executable, "-m", "generator", "check", "--catalog", str(catalog)], cwd=ROOT).returncode == 0
    return build_site(catalog, work)


@pytest.fixture(scope="session")
def large_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site built from a synthetic catalog of 250 datasets (more than one page of table rows)."""
    from generator.synthetic import write_synthetic_catalog

    work = tmp_path_factory.mktemp("large")
    catalog = write_synthetic_catalog(work / "catalog", 250, seed=7)
    return build_site(catalog, work)


@pytest.fixture
def forced_workers(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Make every catalog count as large, on two cores, so reading and rendering use worker processes.

    The returned list grows by one for each pool started, so a test can tell the workers ran.
    """
    from generator import workers

    pools: list[int] = []
    fork_pool = workers.fork_pool
    monkeypatch.setattr(workers, "PARALLEL_MIN_DATASETS", 1)
    monkeypatch.setattr(workers.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(workers, "fork_pool", lambda *args: pools.append(1) or fork_pool(*args))
    return pools
