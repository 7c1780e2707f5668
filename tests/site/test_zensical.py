"""The same docs tree builds with Zensical, the Material team's successor to MkDocs (see ARCHITECTURE.md)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.helpers import CATALOG, write_project
from generator.render.pages import STATISTICS_PAGE_ROWS

ZENSICAL = Path(sys.executable).with_name("zensical")
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("zensical")
    write_project(CATALOG, work)
    result = subprocess.run(
        [str(ZENSICAL), "build", "--config-file", str(work / "mkdocs.yml")], cwd=work, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"zensical build failed:\n{result.stdout}\n{result.stderr}"
    return work / "site"


def test_dataset_pages_have_their_fragments_and_json_ld(zensical_site, catalog):
    for dataset in catalog.datasets:
        html = (zensical_site / "datasets" / dataset.slug / "index.html").read_text(encoding="utf-8")
        assert "<!-- fragment:" not in html, dataset.slug
        page = BeautifulSoup(html, "html.parser")
        assert page.select_one("div.mdc-summary table") is not None, dataset.slug
        assert page.select_one("ul.mdc-siblings") is not None, dataset.slug
        blocks = [json.loads(s.string) for s in page.select('script[type="application/ld+json"]')]
        assert [b["name"] for b in blocks] == [dataset.name], dataset.slug


def test_statistics_and_category_tables(zensical_site, catalog):
    statistics = BeautifulSoup((zensical_site / "statistics" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert len(statistics.select("#statistics-table tbody tr")) == min(STATISTICS_PAGE_ROWS, len(catalog.datasets))
    for category in catalog.collection.categories:
        page = BeautifulSoup((zensical_site / "categories" / category.slug / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert len(page.select("div.mdc-category-table tbody tr")) == len(catalog.in_category(category.slug))
