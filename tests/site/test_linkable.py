"""Permanent URLs, citations and machine-readable metadata on the built site."""

from __future__ import annotations

import json
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import jsonschema
import pytest
import yaml
from bs4 import BeautifulSoup

from generator.export.citation_files import citation_cff

ROOT = Path(__file__).resolve().parents[2]
CFF_SCHEMA = Path(__file__).parent / "cff-1.2.0.schema.json"
pytestmark = pytest.mark.slow


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("index.html") if "moved" not in p.read_text(encoding="utf-8")[:400].lower())


def json_ld(page: BeautifulSoup) -> list[dict]:
    return [json.loads(s.string) for s in page.select('script[type="application/ld+json"]')]


def test_every_dataset_page_has_valid_dataset_json_ld(site, catalog):
    for d in catalog.datasets:
        blocks = json_ld(soup(site / "datasets" / d.slug / "index.html"))
        assert len(blocks) == 1, d.slug
        data = blocks[0]
        assert data["@context"] == "https://schema.org/"
        assert data["@type"] == "Dataset"
        assert data["name"] == d.name
        assert 50 <= len(data["description"]) <= 5000
        assert data["url"] == f"{catalog.collection.site_url}datasets/{d.slug}/"
        if d.dois:  # the dataset's own DOIs identify it; without one, the page's address does
            assert data["identifier"] == [f"https://doi.org/{doi.value}" for doi in d.dois]
        else:
            assert data["identifier"] == data["url"]
        files = d.get_data.files if d.get_data else []
        if files:
            downloads = data["distribution"]
            assert [x["contentUrl"] for x in downloads] == [f.url for f in files]
            assert all(x["@type"] == "DataDownload" and x["encodingFormat"] for x in downloads)
        else:
            assert "distribution" not in data, d.slug
        assert data["creator"], d.slug
        assert d.modality in data["keywords"]
        assert data["measurementTechnique"] == d.modality
        assert data["citation"] and all(isinstance(c, str) and c for c in data["citation"])
        assert data["includedInDataCatalog"]["@type"] == "DataCatalog"
        assert data["includedInDataCatalog"]["url"] == catalog.collection.site_url
        if d.homepage:
            assert data["sameAs"] == d.homepage
        if d.license and d.license.status.value == "stated":
            assert data["license"] in (d.license.url, d.license.name)
        else:
            assert "license" not in data, d.slug
        if d.access.value in {"unknown", "on-request", "unavailable"}:
            assert "isAccessibleForFree" not in data, d.slug
        else:
            assert data["isAccessibleForFree"] is True
        assert all(c["@type"] in ("Person", "Organization") and c["name"] for c in data.get("creator", []))


def test_every_page_names_the_catalog_version_in_its_footer_and_links_the_changelog(site, catalog):
    for path in [site / "index.html", site / "statistics" / "index.html", site / "datasets" / "drive" / "index.html"]:
        footer = soup(path).select_one(".mdc-catalog-version")
        assert footer is not None, path
        assert f"Catalog version {catalog.collection.version}" in footer.get_text(" ", strip=True)
        href = footer.select_one("a")["href"]
        assert (path.parent / href / "index.html").resolve().is_file(), href


def test_dataset_pages_link_their_croissant_file(site, catalog):
    for d in catalog.datasets:
        page = soup(site / "datasets" / d.slug / "index.html")
        (link,) = page.select('head link[rel~="alternate"][type="application/ld+json"]')
        folder = site / "datasets" / d.slug
        assert (folder / link["href"]).resolve() == (folder / "croissant.json").resolve()
        assert (folder / "croissant.json").is_file()
        assert page.select_one(f'.mdc-exports a[href="{link["href"]}"]') is not None, "the page mentions it beside the exports"
    home = soup(site / "index.html").select_one('head link[rel~="alternate"][type="application/ld+json"]')
    assert home["href"] == "croissant.json" and (site / "croissant.json").is_file()


def test_home_page_has_a_data_catalog(site, catalog):
    blocks = json_ld(soup(site / "index.html"))
    assert len(blocks) == 1
    data = blocks[0]
    assert data["@type"] == "DataCatalog"
    assert len(data["dataset"]) == len(catalog.datasets)
    assert {d["url"] for d in data["dataset"]} == {f"{catalog.collection.site_url}datasets/{d.slug}/" for d in catalog.datasets}


def test_every_page_has_a_unique_title_and_a_meta_description(site):
    titles: dict[str, Path] = {}
    for path in html_pages(site):
        page = soup(path)
        title = page.title.get_text(strip=True)
        assert title not in titles, f"{path} repeats the title of {titles.get(title)}"
        titles[title] = path
        description = page.select_one('meta[name="description"]')
        assert description and description.get("content", "").strip(), path
        if path.parent != site:
            assert description["content"] != "A reference of public medical-imaging datasets for AI research.", (
                f"{path} falls back to the site description"
            )


def test_canonical_and_open_graph(site, catalog):
    page = soup(site / "datasets" / "chexpert" / "index.html")
    canonical = page.select_one('link[rel="canonical"]')["href"]
    assert canonical == f"{catalog.collection.site_url}datasets/chexpert/"
    assert page.select_one('meta[property="og:title"]')["content"] == "CheXpert"
    assert page.select_one('meta[property="og:description"]')["content"]
    assert page.select_one('meta[property="og:url"]')["content"] == canonical


def test_every_heading_has_a_permalink(site):
    for path in (site / "index.html", site / "datasets" / "chexpert" / "index.html", site / "statistics" / "index.html"):
        page = soup(path)
        for heading in page.select("article h2, article h3"):
            anchor = heading.select_one("a.headerlink")
            assert anchor is not None, (path, heading.get_text())
            assert anchor["href"] == f"#{heading['id']}"


def test_sitemap_and_robots(site, catalog):
    tree = ET.parse(site / "sitemap.xml")
    urls = {el.text for el in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    for d in catalog.datasets:
        assert f"{catalog.collection.site_url}datasets/{d.slug}/" in urls
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {catalog.collection.site_url}sitemap.xml" in robots


def test_not_found_page_offers_search_and_categories(site, catalog):
    page = soup(site / "404.html")
    assert page.select_one('label[for="__search"].md-button') is not None
    titles = [a.get_text(strip=True) for a in page.select("article li a")]
    assert titles == [c.title for c in catalog.collection.categories]


def test_dataset_pages_show_when_the_entry_last_changed(site, catalog):
    for d in catalog.datasets:
        time = soup(site / "datasets" / d.slug / "index.html").select_one(".mdc-updated time")
        date = catalog.last_updated.get(d.slug)
        if date is None:
            assert time is None
        else:
            assert time["datetime"] == date.isoformat()


def test_last_updated_comes_from_git_history(catalog):
    stamp = subprocess.run(
        ["git", "log", "-1", "--format=%cs", "--", "catalog/datasets/drive.yaml"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    if stamp:  # a checkout with history
        assert catalog.last_updated["drive"].isoformat() == stamp


def test_exports_parse_and_agree_with_the_catalog(site, catalog):
    import csv

    import bibtexparser

    data = json.loads((site / "data" / "datasets.json").read_text(encoding="utf-8"))
    assert data["schema_version"] == 4
    assert [d["slug"] for d in data["datasets"]] == [d.slug for d in catalog.datasets]
    rows = list(csv.DictReader((site / "data" / "datasets.csv").open(encoding="utf-8")))
    assert [r["slug"] for r in rows] == [d.slug for d in catalog.datasets]
    for record, row, d in zip(data["datasets"], rows, catalog.datasets, strict=True):
        assert record["images"]["total"] == d.images.total
        assert row["images_total"] == ("" if d.images.total is None else str(d.images.total))
        assert row["references"] == "; ".join(d.references)
    library = bibtexparser.parse_string((site / "data" / "references.bib").read_text(encoding="utf-8"))
    assert not library.failed_blocks
    assert len(library.entries) == len(catalog.references)
    schema = json.loads((site / "data" / "schema.json").read_text(encoding="utf-8"))
    for record in data["datasets"]:
        stripped = {k: v for k, v in record.items() if k != "page"}
        jsonschema.validate(stripped, schema)
    home = soup(site / "index.html")
    hrefs = {a["href"] for a in home.select("a")}
    assert {"data/datasets.json", "data/datasets.csv", "data/references.bib", "data/schema.json"} <= hrefs


def test_citation_cff_is_current_and_valid(catalog):
    committed = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    assert committed == citation_cff(catalog.collection), "run `python -m generator cff`"
    document = yaml.safe_load(committed)
    jsonschema.validate(document, json.loads(CFF_SCHEMA.read_text(encoding="utf-8")))


def test_site_shows_the_same_citation_as_citation_cff(site):
    document = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    text = soup(site / "index.html").select_one("pre.mdc-citation-text").get_text()
    author = document["authors"][0]
    assert f"{author['given-names']} {author['family-names']}" in text
    assert document["title"] in text
    assert document["url"] in text


def test_dataset_page_gives_plain_and_bibtex_citations(site, catalog):
    for d in catalog.datasets:
        page = soup(site / "datasets" / d.slug / "index.html")
        assert len(page.select("pre.mdc-citation-text code")) == len(d.references)
        assert len(page.select("pre code.language-bibtex")) == len(d.references)


@pytest.mark.parametrize(("old", "new"), [("datasets/drive/", "datasets/drive-db/"), ("categories/x-ray/", "categories/radiography/")])
def test_renamed_slug_old_url_redirects(renamed_site, catalog, old, new):
    page = soup(renamed_site / old / "index.html")
    refresh = page.select_one('meta[http-equiv="refresh"]')["content"]
    target = refresh.split("url=", 1)[1]
    resolved = urlsplit(urljoin(f"https://host/{old}", target)).path
    assert resolved == f"/{new}"
    assert (renamed_site / new / "index.html").is_file()
    assert page.select_one('link[rel="canonical"]')["href"] == catalog.collection.site_url + new
    assert page.select_one(f'a[href="{target}"]') is not None
