"""The bad-input corpus: every broken catalog gives a located, actionable message and exit 1."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from generator.cli import main
from generator.load.catalog import load_catalog
from generator.models import FIGURE_FIELDS
from generator.problems import CatalogError
from generator.runner import IN_PROCESS, Runner

CORPUS = Path(__file__).parent / "bad_inputs"
CASES = tomllib.loads((CORPUS / "cases.toml").read_text(encoding="utf-8"))


def test_corpus_is_large_enough():
    assert len(CASES) >= 20
    assert {p.name for p in CORPUS.iterdir() if p.is_dir()} == set(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_is_reported_with_file_line_and_field(name, minimal_catalog, capsys):
    case = CASES[name]
    shutil.copytree(CORPUS / name, minimal_catalog, dirs_exist_ok=True)

    status = main(["check", "--catalog", str(minimal_catalog)])

    err = capsys.readouterr().err
    assert status == 1
    expected_prefix = f"catalog/{case['file']}:{case['line']}: {case['field']}: "
    matching = [line for line in err.splitlines() if line.startswith(expected_prefix)]
    assert matching, f"no line starts with {expected_prefix!r} in:\n{err}"
    assert any(case["message"] in line for line in matching), err
    assert "should match pattern" not in err, "a pattern rule must be explained in words, not as a regular expression"
    if "absent_field" in case:  # a field the case must not report (a false alarm it guards against)
        absent = f"catalog/{case['file']}:"
        assert not [line for line in err.splitlines() if line.startswith(absent) and f": {case['absent_field']}: " in line], err


def test_good_minimal_catalog_passes(minimal_catalog, capsys):
    assert main(["check", "--catalog", str(minimal_catalog)]) == 0
    assert "catalog OK: 2 datasets" in capsys.readouterr().out


def test_a_copy_of_a_write_up_record_marked_added_with_every_figure_confirmed_passes(minimal_catalog, capsys):
    """The added-dataset rules reject only what they name: confirmed figures, no errata, a unit."""
    shutil.copy(Path(__file__).parent / "added_gamma.yaml", minimal_catalog / "datasets" / "gamma.yaml")
    assert main(["check", "--catalog", str(minimal_catalog)]) == 0, capsys.readouterr().err
    # the same record as a write-up one, then marked added once its figures are all confirmed
    alpha = (minimal_catalog / "datasets" / "alpha.yaml").read_text(encoding="utf-8")
    confirmed = "figures:\n" + "".join(
        f"  {field}: {{state: confirmed, source: https://example.org/alpha/paper}}\n"
        for field in FIGURE_FIELDS
        if field != "version"  # the write-up record names no version
    )
    copy = (
        alpha.replace("slug: alpha", "slug: alpha-copy")
        .replace("name: Alpha", "name: Alpha Copy")
        .replace("aliases: [Alpha X-ray Set]", "aliases: []")
    )
    (minimal_catalog / "datasets" / "alpha-copy.yaml").write_text(
        copy.replace("origin: write-up", "origin: added") + confirmed, encoding="utf-8"
    )
    assert main(["check", "--catalog", str(minimal_catalog)]) == 0, capsys.readouterr().err
    # and without its confirmations it is refused, figure by figure
    (minimal_catalog / "datasets" / "alpha-copy.yaml").write_text(copy.replace("origin: write-up", "origin: added"), encoding="utf-8")
    assert main(["check", "--catalog", str(minimal_catalog)]) == 1
    err = capsys.readouterr().err
    assert "alpha-copy.yaml:5: modality: an added dataset's modality needs" in err
    assert "alpha-copy.yaml:13: images.train: an added dataset's images.train needs" in err


def test_every_problem_is_reported_at_once(minimal_catalog, capsys):
    """Two broken files: both problems appear in one run."""
    shutil.copytree(CORPUS / "unknown-field", minimal_catalog, dirs_exist_ok=True)
    beta = minimal_catalog / "datasets" / "beta.yaml"
    beta.write_text(beta.read_text().replace("references: [beta2021]", "references: [nope]"))
    assert main(["check", "--catalog", str(minimal_catalog)]) == 1
    err = capsys.readouterr().err
    assert "datasets/alpha.yaml:5: modailty: unknown field" in err
    assert "datasets/beta.yaml:24: references.0: reference 'nope' is not in references.bib" in err


def test_cli_process_exit_status(minimal_catalog):
    """The real command line, as a contributor runs it."""
    shutil.copytree(CORPUS / "javascript-url", minimal_catalog, dirs_exist_ok=True)
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--catalog", str(minimal_catalog)],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "alpha.yaml" in result.stderr
    assert "homepage: only http and https URLs are allowed" in result.stderr


def _problems(catalog_dir: Path, runner: Runner = IN_PROCESS) -> list:
    try:
        load_catalog(catalog_dir, runner)
    except CatalogError as err:
        return err.problems
    return []


def test_files_read_by_worker_processes_give_the_same_problems(minimal_catalog, request):
    """Large catalogs are read in forked workers: every bad input must be reported exactly as when read in-process."""
    for case in ("unknown-field", "bibtex-duplicate-key", "collection-unknown-field"):
        shutil.copytree(CORPUS / case, minimal_catalog, dirs_exist_ok=True)
    for name in ("duplicate-key", "non-utf8", "yaml-syntax-error", "tab-indentation", "top-level-list", "empty-file", "wrong-type"):
        for path in (CORPUS / name / "datasets").glob("*.yaml"):
            shutil.copy(path, minimal_catalog / "datasets" / f"{name}.yaml")
    serial = _problems(minimal_catalog)
    assert {"catalog/references.bib", "catalog/collection.yaml"} < {p.file for p in serial}, serial
    assert len({p.file for p in serial}) >= 10, serial
    forced = request.getfixturevalue("forced_workers")  # after the serial run
    assert _problems(minimal_catalog, forced.runner) == serial
    assert forced.pools


def test_a_catalog_read_by_worker_processes_equals_one_read_in_process(request):
    root = Path(__file__).resolve().parents[2] / "catalog"
    serial = load_catalog(root)
    forced = request.getfixturevalue("forced_workers")  # after the serial run
    assert load_catalog(root, forced.runner) == serial
    assert forced.pools
