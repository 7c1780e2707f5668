"""The changelog's source: what changed between version tags, read from a real git repository."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from generator.load.catalog import load_catalog
from generator.load.releases import changes_between, version_tags

ERRATUM = """errata:
  - field: images.test
    collection_value: "20"
    corrected_value: "25"
    source: https://example.org/alpha/paper
    note: The paper counts 25 test images.
figures:
  images.test:
    state: corrected
"""


def _git(repo: Path, *args: str, date: str = "2026-03-01T12:00:00") -> str:
    env = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "HOME": str(repo), "PATH": "/usr/bin:/bin"}
    identity = ["-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"]
    return subprocess.run(["git", *identity, *args], cwd=repo, env=env, capture_output=True, text=True, check=True).stdout


def _commit(repo: Path, message: str, date: str) -> None:
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", message, date=date)


GAMMA_ROW = """  - dataset: gamma
    name: Gamma [3]
    modality: X-Ray
    target: Lung
    frame_size: "-"
    images: "-"
    classes: "-"
    task: CLS
"""


@pytest.fixture
def repository(tmp_path: Path, minimal_catalog: Path) -> Path:
    """A repository whose catalog went through two releases and has changes not yet released."""
    repo = minimal_catalog.parent
    datasets = minimal_catalog / "datasets"
    _git(repo, "init", "-q", "-b", "main")
    _commit(repo, "first datasets", "2026-01-10T10:00:00")
    _git(repo, "tag", "v0.1.0", date="2026-01-10T10:00:00")
    # 0.2.0: alpha gets a corrected figure, beta is renamed (new slug, old one kept as former), gamma arrives
    alpha = datasets / "alpha.yaml"
    alpha.write_text(alpha.read_text(encoding="utf-8").replace("errata: []\n", ERRATUM), encoding="utf-8")
    beta = (datasets / "beta.yaml").read_text(encoding="utf-8")
    (datasets / "beta.yaml").unlink()
    (datasets / "beta-set.yaml").write_text(
        beta.replace("slug: beta\n", "slug: beta-set\nformer_slugs: [beta]\n").replace("name: Beta\n", "name: Beta Set\n"), encoding="utf-8"
    )
    gamma = alpha.read_text(encoding="utf-8").replace("slug: alpha", "slug: gamma").replace("name: Alpha", "name: Gamma")
    (datasets / "gamma.yaml").write_text(gamma.replace("aliases: [Alpha X-ray Set]", "aliases: []"), encoding="utf-8")
    write_up = minimal_catalog / "write-up.yaml"
    listed = write_up.read_text(encoding="utf-8").replace("dataset: beta\n", "dataset: beta-set\n")
    write_up.write_text(listed + GAMMA_ROW, encoding="utf-8")
    _commit(repo, "release 0.2.0", "2026-02-20T10:00:00")
    _git(repo, "tag", "-a", "v0.2.0", "-m", "0.2.0", date="2026-02-21T09:00:00")
    _git(repo, "tag", "not-a-version")  # ignored: not v<major>.<minor>.<patch>
    # after 0.2.0, committed: gamma is removed
    (datasets / "gamma.yaml").unlink()
    write_up.write_text(listed, encoding="utf-8")
    _commit(repo, "drop gamma", "2026-03-01T10:00:00")
    return minimal_catalog


def test_version_tags_in_version_order_with_their_dates(repository):
    assert version_tags(repository.parent) == [("v0.1.0", dt.date(2026, 1, 10)), ("v0.2.0", dt.date(2026, 2, 21))]


def test_each_release_lists_what_changed_since_the_one_before(repository):
    catalog = load_catalog(repository)
    history = catalog.history
    assert history.available
    assert [(r.version, r.tag) for r in history.releases] == [("0.1.0", None), ("0.2.0", "v0.2.0"), ("0.1.0", "v0.1.0")]
    pending, second, first = history.releases
    assert [(c.kind, c.slug) for c in pending.changes] == [("removed", "gamma")]
    assert [(c.kind, c.slug) for c in first.changes] == [("added", "alpha"), ("added", "beta")]
    described = [(c.kind, c.slug, c.former, c.field, c.old_value, c.new_value) for c in second.changes]
    assert described == [
        ("added", "gamma", None, None, None, None),
        ("renamed", "beta-set", "Beta (beta)", None, None, None),
        ("corrected", "alpha", None, "images.test", "20", "25"),
    ]
    assert second.date == dt.date(2026, 2, 21)


def test_changelog_page_links_each_change(repository, tmp_path):
    from generator.cli import main

    out = tmp_path / "docs"
    assert main(["build", "--catalog", str(repository), "--out", str(out)]) == 0
    page = (out / "changelog.md").read_text(encoding="utf-8")
    assert "## Version 0.2.0 (2026-02-21)" in page
    # the collection still says 0.1.0, which is tagged already: the pending changes are named by the last release
    assert "## Not yet released (since version 0.2.0)" in page
    assert '<a href="../datasets/beta-set/">Beta Set</a>, formerly Beta (beta)' in page
    # gamma is gone: its entries link to its file as the releases had it
    assert "https://github.com/example/collection/blob/v0.2.0/catalog/datasets/gamma.yaml" in page
    assert "images.test 20 → 25" in page
    assert "https://github.com/example/collection/compare/v0.1.0...v0.2.0" in page


def test_a_copy_outside_git_says_the_history_is_unavailable(minimal_catalog):
    catalog = load_catalog(minimal_catalog)
    assert not catalog.history.available
    assert catalog.history.releases == []


def test_no_tags_yet_lists_everything_as_the_coming_version(minimal_catalog):
    repo = minimal_catalog.parent
    _git(repo, "init", "-q", "-b", "main")
    _commit(repo, "first datasets", "2026-01-10T10:00:00")
    (release,) = load_catalog(minimal_catalog).history.releases
    assert release.tag is None
    assert release.version == "0.1.0"
    assert [(c.kind, c.slug) for c in release.changes] == [("added", "alpha"), ("added", "beta")]


def test_a_renamed_and_corrected_dataset_is_matched_through_its_former_slug():
    from generator.load.releases import DatasetState

    old = {"a": DatasetState("a", "A", (), frozenset())}
    fix = ("year", "2019", "2020", "https://example.org")
    new = {"b": DatasetState("b", "B", ("a",), frozenset({fix}))}
    assert [(c.kind, c.slug) for c in changes_between(old, new)] == [("renamed", "b"), ("corrected", "b")]
    assert [c.kind for c in changes_between(new, {})] == ["removed"]


def test_the_repositorys_own_history(catalog):
    """The real catalog's changelog agrees with what git itself lists."""
    root = Path(__file__).resolve().parents[2]
    try:
        listed = subprocess.run(["git", "tag", "--list", "v*.*.*"], cwd=root, capture_output=True, text=True, check=True).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    history = catalog.history
    assert history.available
    assert [r.tag for r in history.releases if r.tag] == sorted(listed, key=lambda t: [int(x) for x in t[1:].split(".")], reverse=True)
    if not listed:  # nothing released yet: every dataset of the catalog is new in the coming version
        (pending,) = history.releases
        assert pending.version == catalog.collection.version
        assert sorted(c.slug for c in pending.changes if c.kind == "added") == sorted(d.slug for d in catalog.datasets)
        assert {c.kind for c in pending.changes} == {"added"}
