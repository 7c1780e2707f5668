"""`make site` is atomic: a failure at any stage leaves site/ and build/docs as they were."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the repository's tracked files, sharing this checkout's virtual environment."""
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, files):
        source = ROOT / name
        if source.is_file():
            target = tmp_path / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    (tmp_path / ".venv").symlink_to(ROOT / ".venv")
    return tmp_path


def make_site(project: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(["make", "site"], cwd=project, capture_output=True, text=True, env=env, check=False)


def test_failure_at_each_stage_leaves_previous_output(project):
    first = make_site(project)
    assert first.returncode == 0, first.stderr
    site_before, docs_before = tree_digest(project / "site"), tree_digest(project / "build" / "docs")
    assert "datasets/drive/index.html" in site_before

    # late stage: the catalog changes (the generator rewrites pages) but MkDocs fails
    dataset = project / "catalog" / "datasets" / "drive.yaml"
    dataset.write_text(dataset.read_text().replace("It is one of the standard", "It is one of the classic"))
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - Contributing: contributing.md", "  - Contributing: contributing.md\n  - Missing: missing.md"))
    failed = make_site(project)
    assert failed.returncode != 0
    assert "site/ and build/docs are unchanged" in failed.stderr
    assert tree_digest(project / "site") == site_before
    assert tree_digest(project / "build" / "docs") == docs_before
    assert not (project / "build" / "site.new").exists()

    # early stage: the catalog is invalid
    config.write_text(config.read_text().replace("\n  - Missing: missing.md", ""))
    dataset.write_text("slug: drive\n")
    assert make_site(project).returncode != 0
    assert tree_digest(project / "site") == site_before
    assert tree_digest(project / "build" / "docs") == docs_before

    # and a good build afterwards swaps in the new site
    shutil.copy2(ROOT / "catalog" / "datasets" / "drive.yaml", dataset)
    dataset.write_text(dataset.read_text().replace("It is one of the standard", "It is one of the classic"))
    assert make_site(project).returncode == 0
    assert "one of the classic" in (project / "site" / "datasets" / "drive" / "index.html").read_text()
