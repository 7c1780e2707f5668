"""Shared fixtures: the real catalog, and a real site built once per session in a temporary folder."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.load.catalog import load_catalog
from generator.models import Catalog
from generator.runner import Runner
from tests.helpers import CATALOG, MINIMAL_CATALOG, ROOT, build_site


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
    write_up = catalog / "write-up.yaml"
    write_up.write_text(write_up.read_text(encoding="utf-8").replace("  - dataset: drive\n", "  - dataset: drive-db\n"), encoding="utf-8")
    collection = catalog / "collection.yaml"
    collection.write_text(
        collection.read_text(encoding="utf-8").replace("  - slug: x-ray\n", "  - slug: radiography\n    former_slugs: [x-ray]\n", 1),
        encoding="utf-8",
    )
    for path in [*(catalog / "datasets").glob("*.yaml"), catalog / "wanted.yaml"]:
        path.write_text(path.read_text(encoding="utf-8").replace("category: x-ray\n", "category: radiography\n"), encoding="utf-8")
    assert subprocess.run([sys.executable, "-m", "generator", "check", "--catalog", str(catalog)], cwd=ROOT).returncode == 0
    return build_site(catalog, work)


@pytest.fixture(scope="session")
def large_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site built from a synthetic catalog of 250 datasets (more than one page of table rows)."""
    from generator.tools.synthetic import write_synthetic_catalog

    work = tmp_path_factory.mktemp("large")
    catalog = write_synthetic_catalog(work / "catalog", 250, seed=7)
    return build_site(catalog, work)


@dataclass
class ForcedWorkers:
    """Worker processes forced on: ``runner`` for direct calls; the commands pick them too. ``pools`` grows per pool started."""

    runner: Runner
    pools: list[int]


@pytest.fixture
def forced_workers(monkeypatch: pytest.MonkeyPatch) -> ForcedWorkers:
    """Make every catalog count as large, on two cores, so reading and rendering use worker processes."""
    from generator.build import workers

    pools: list[int] = []
    fork_pool = workers.fork_pool
    monkeypatch.setattr(workers, "PARALLEL_MIN_DATASETS", 1)
    monkeypatch.setattr(workers.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(workers, "fork_pool", lambda *args: pools.append(1) or fork_pool(*args))
    return ForcedWorkers(workers.runner_for(1), pools)
