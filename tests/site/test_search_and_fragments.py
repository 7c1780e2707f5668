"""What goes into the search index, and the fragments the theme puts back in place."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator import urls

ROOT = Path(__file__).resolve().parents[2]
MATERIAL_CONTENT = Path(__import__("material").__file__).parent / "templates" / "partials" / "content.html"
pytestmark = pytest.mark.slow


def search_docs(site: Path) -> list[dict[str, str]]:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def test_search_finds_each_dataset_by_name_alias_and_description(site, catalog):
    docs = search_docs(site)
    for dataset in catalog.datasets:
        location = urls.url_of(urls.dataset_page(dataset.slug))
        entries = [d for d in docs if d["location"].split("#")[0] == location]
        assert entries[0]["location"] == location and entries[0]["title"] == dataset.name.replace("&", "&amp;")
        text = " ".join(d["text"] for d in entries)
        for alias in dataset.aliases:
            assert alias.replace("&", "&amp;") in text, (dataset.slug, alias)
        first_words = " ".join(dataset.description.split()[:6])
        assert first_words.replace("&", "&amp;").replace("'", "'") in text, dataset.slug


def test_search_leaves_out_figures_citations_lists_and_navigation(site, catalog):
    docs = search_docs(site)
    dataset_texts = [d["text"] for d in docs if d["location"].startswith("datasets/")]
    for leftover in ("Frame size (pixels)", "Count: training", "@article{", "@misc{", "Home ›", "closest by name"):
        assert not any(leftover in t for t in dataset_texts), leftover
    # the statistics and category tables are not indexed either (their rows are the dataset pages)
    for leftover in ("Download shown rows", "Statistics of the", "datasets, by name"):
        assert not any(leftover in d["text"] for d in docs), leftover
    # dataset pages add a title and a description entry each, not one per table row
    dataset_entries = [d for d in search_docs(site) if d["location"].startswith("datasets/")]
    assert len(dataset_entries) <= 3 * len(catalog.datasets)


def test_every_fragment_is_put_back_exactly_once(site, catalog):
    pages = sorted(site.rglob("*.html"))
    for page in pages:
        assert "<!-- fragment:" not in page.read_text(encoding="utf-8"), page
    for dataset in catalog.datasets:
        html = BeautifulSoup((site / "datasets" / dataset.slug / "index.html").read_text(encoding="utf-8"), "html.parser")
        article = html.select_one("article")
        for selector in ("p.mdc-breadcrumb", "div.mdc-summary", "div.mdc-citations", "ul.mdc-siblings"):
            assert len(article.select(selector)) == 1, (dataset.slug, selector)
        assert len(article.select("div.mdc-errata")) == (1 if dataset.errata else 0)
        # in reading order: title, summary, description, citations, siblings
        order = [str(article).index(marker) for marker in ("<h1", "mdc-summary", 'id="description"', "mdc-citations", "mdc-siblings")]
        assert order == sorted(order), dataset.slug


def test_content_partial_keeps_in_step_with_material():
    """Our partials/content.html is Material's, plus the fragment fill: every other line of Material's must be there."""
    ours = [line.strip() for line in (ROOT / "site_overrides" / "partials" / "content.html").read_text(encoding="utf-8").splitlines()]
    material = [line.strip() for line in MATERIAL_CONTENT.read_text(encoding="utf-8").splitlines()]
    material_code = [line for line in material if line.startswith("{%") or line.startswith("<h1")]
    ours_code = [line for line in ours if line in material_code]
    assert ours_code == material_code
    assert "{{ page.content }}" in material and "{{ page.content }}" not in ours


def test_search_finds_the_wanted_datasets_with_their_status(large_site):
    """A reader looking for a dataset the catalog cannot describe yet learns its status from search."""
    import yaml

    docs = search_docs(large_site)
    wanted = yaml.safe_load((large_site.parent / "catalog" / "wanted.yaml").read_text(encoding="utf-8"))["wanted"]
    assert wanted
    for entry in wanted:
        found = [d for d in docs if d["title"] == entry["name"]]
        assert len(found) == 1, entry["name"]
        assert found[0]["location"].startswith("contributing/#"), found[0]["location"]
        text = found[0]["text"]
        assert all(alias in text for alias in entry["aliases"])
        assert ("no longer distribute" in text) == (entry["reason"] == "not-distributed")
