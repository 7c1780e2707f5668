"""Writing the docs tree: nothing half-written, nothing rewritten needlessly, deterministic."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from generator.load.catalog import load_catalog
from generator.cli import main
from generator.build.output import MARKER, OutputError, write_tree
from generator.build.jobs import render_tree

ROOT = Path(__file__).resolve().parents[2]


def test_write_then_rewrite_nothing(tmp_path):
    out = tmp_path / "docs"
    first = write_tree({"a.md": b"A", "sub/b.md": b"B"}, out)
    assert sorted(first.written) == [MARKER, "a.md", "sub/b.md"]
    stamp = (out / "a.md").stat().st_mtime_ns
    os.utime(out / "a.md", ns=(stamp - 10_000_000, stamp - 10_000_000))
    second = write_tree({"a.md": b"A", "sub/b.md": b"B"}, out)
    assert second.written == []
    assert (out / "a.md").stat().st_mtime_ns == stamp - 10_000_000, "an unchanged file must not be rewritten"


def test_only_changed_files_are_written_and_stale_removed(tmp_path):
    out = tmp_path / "docs"
    write_tree({"a.md": b"A", "b.md": b"B", "old/c.md": b"C"}, out)
    report = write_tree({"a.md": b"A2", "b.md": b"B"}, out)
    assert report.written == ["a.md"]
    assert report.removed == ["old/c.md"]
    assert not (out / "old").exists()
    assert (out / "a.md").read_bytes() == b"A2"


def test_refuses_a_folder_it_did_not_make(tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("precious")
    with pytest.raises(OutputError):
        write_tree({"a.md": b"A"}, out)
    assert (out / "notes.txt").read_text() == "precious"


def test_refuses_paths_outside_the_output(tmp_path):
    with pytest.raises(OutputError):
        write_tree({"../escape.md": b"x"}, tmp_path / "docs")
    assert not (tmp_path / "escape.md").exists()


def _result_folders() -> set[Path]:
    """The folders in which workers leave their results (each build removes its own)."""
    from generator.build import workers

    return set(Path(workers.results_folder() or tempfile.gettempdir()).glob("mdc-results-*"))


@pytest.mark.parametrize("in_workers", [False, True], ids=["in-process", "in-workers"])
def test_failed_build_leaves_previous_output(tmp_path, capsys, request, in_workers):
    out = tmp_path / "docs"
    assert main(["build", "--out", str(out)]) == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    # a late stage fails: the statistics template raises after every dataset page rendered
    (templates / "statistics.md.j2").write_text("{{ no_such_variable }}")
    leftovers = _result_folders()
    if in_workers:  # the same failure, raised in a forked worker, must reach the command the same way
        pools = request.getfixturevalue("forced_workers").pools
    assert main(["build", "--out", str(out), "--templates", str(templates)]) == 1
    err = capsys.readouterr().err
    assert "nothing was written" in err
    assert "no_such_variable" in err
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert _result_folders() == leftovers
    if in_workers:
        assert pools


def test_invalid_catalog_leaves_previous_output(tmp_path, catalog_copy, capsys):
    out = tmp_path / "docs"
    assert main(["build", "--catalog", str(catalog_copy), "--out", str(out)]) == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    (catalog_copy / "datasets" / "drive.yaml").write_text("slug: drive\n")
    assert main(["build", "--catalog", str(catalog_copy), "--out", str(out)]) == 1
    assert "datasets/drive.yaml" in capsys.readouterr().err
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_render_is_deterministic(catalog):
    templates = ROOT / "templates"
    assert render_tree(catalog, templates) == render_tree(load_catalog(ROOT / "catalog"), templates)


def test_one_dataset_change_rewrites_only_pages_that_show_it(tmp_path, catalog_copy):
    out = tmp_path / "docs"
    assert main(["build", "--catalog", str(catalog_copy), "--out", str(out)]) == 0
    path = catalog_copy / "datasets" / "drive.yaml"
    path.write_text(path.read_text().replace("It is one of the standard", "It remains one of the standard"))
    files = render_tree(load_catalog(catalog_copy), ROOT / "templates")
    report = write_tree(files, out)
    assert "datasets/drive.md" in report.written
    assert "datasets/chexpert.md" not in report.written
    assert "index.md" not in report.written


def test_parallel_render_equals_serial(catalog, request):
    """Large catalogs render in forked workers; the tree must be the same bytes, in the same order."""
    templates = ROOT / "templates"
    serial = render_tree(catalog, templates)
    forced = request.getfixturevalue("forced_workers")
    parallel = render_tree(catalog, templates, forced.runner)
    assert forced.pools
    assert list(parallel) == list(serial)
    assert parallel == serial


def test_garbage_collector_is_resumed_after_load_and_render(catalog, minimal_catalog):
    """The commands pause the collector while they load and render (library functions leave it alone)."""
    import gc

    from generator.cli import load, render
    from generator.problems import CatalogError

    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    load_catalog(ROOT / "catalog")
    render_tree(catalog, ROOT / "templates")
    # frozen objects of earlier loads may be freed meanwhile, so the count may fall, never grow
    assert gc.get_freeze_count() <= frozen, "a library function must not freeze objects: that is the command's policy"
    loaded = load(ROOT / "catalog")
    assert gc.get_freeze_count() > frozen, "the loaded catalog lives as long as the process: no collection should rescan it"
    render(loaded, ROOT / "templates")
    assert gc.isenabled()
    (minimal_catalog / "collection.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    frozen = gc.get_freeze_count()
    with pytest.raises(CatalogError):
        load(minimal_catalog)
    assert gc.isenabled()
    # frozen objects of earlier loads may be freed meanwhile, so the count can only not grow
    assert gc.get_freeze_count() <= frozen, "a failed load must leave its garbage collectable"


def test_parallel_results_come_back_through_the_pipe_when_no_file_can_be_written(catalog, request, monkeypatch, tmp_path):
    """Workers hand results over in files in memory; if writing one fails (a full /dev/shm), the pool's pipe carries it."""
    from generator.build import workers

    templates = ROOT / "templates"
    serial = render_tree(catalog, templates)
    forced = request.getfixturevalue("forced_workers")

    def refuse(path, result):
        (tmp_path / f"refused-{os.getpid()}-{Path(path).name}").touch()  # seen by the test: the workers took this path
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(workers, "write_result", refuse)  # forked workers inherit the patch
    assert render_tree(catalog, templates, forced.runner) == serial
    assert load_catalog(ROOT / "catalog", forced.runner) == catalog
    assert len(forced.pools) == 2
    assert len(list(tmp_path.glob("refused-*"))) >= 2


def test_parallel_results_leave_no_files_behind(catalog, request):
    before = _result_folders()
    runner = request.getfixturevalue("forced_workers").runner
    render_tree(catalog, ROOT / "templates", runner)
    load_catalog(ROOT / "catalog", runner)
    assert _result_folders() == before
