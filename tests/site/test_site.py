"""A real `mkdocs build --strict` of the real catalog, checked on its HTML."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from generator import labels
from generator.models import IMAGE_UNITS, UNIT_TERMS
from generator.render.pages import STATISTICS_PAGE_ROWS

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def summary_values(page: BeautifulSoup) -> dict[str, str]:
    table = page.select_one("div.mdc-summary table")
    return {row.th.get_text(" ", strip=True): row.td.get_text(" ", strip=True) for row in table.select("tbody tr")}


def test_every_dataset_page_exists_and_shows_its_figures(site, catalog):
    for d in catalog.datasets:
        page = soup(site / "datasets" / d.slug / "index.html")
        assert page.h1.get_text(strip=True).startswith(d.name)
        values = summary_values(page)
        assert values["Modality"].startswith(d.modality)
        assert values["Category"] == catalog.category(d.category).title
        for part, label in (("train", "Count: training"), ("test", "Count: test"), ("total", "Count: total")):
            count = getattr(d.images, part)
            shown = values[label]
            if count is None:
                assert shown.startswith("not reported"), (d.slug, label, shown)
            else:
                # the unit beside every count: "1,367 slices"
                noun = UNIT_TERMS[d.images.unit].of(count)
                assert f"{labels.number(count)} {noun}" in shown, (d.slug, label, shown)
        if d.frame_size is None:
            assert values["Frame size (pixels)"].startswith("not reported")
        else:
            assert labels.frame_size(d.frame_size) in values["Frame size (pixels)"]
        if d.classes:
            assert all(labels.number(c.count) in values["Classes"] for c in d.classes)
        else:
            assert values["Classes"].startswith("not reported")
        for value in values.values():
            assert value and value not in {"None", "null"}, d.slug
        text = page.get_text(" ")
        assert " None " not in text


def test_dataset_page_links_citation_errata_and_edit(site, catalog):
    for d in catalog.datasets:
        page = soup(site / "datasets" / d.slug / "index.html")
        hrefs = [a.get("href", "") for a in page.select("article a")]
        if d.homepage:
            assert d.homepage in hrefs
        assert f"https://github.com/meddatasets/collection/edit/main/catalog/datasets/{d.slug}.yaml" in hrefs
        edit_button = page.select_one("a.md-content__button[rel=edit]")
        assert edit_button["href"].endswith(f"catalog/datasets/{d.slug}.yaml")
        codes = [c.get_text() for c in page.select("pre code")]
        for key in d.references:
            assert any(f"{{{key}," in code for code in codes), (d.slug, key)
        if d.errata:
            assert page.select_one("h2#errata") is not None
            errata = page.select_one(".mdc-errata")
            assert errata is not None
            for e in d.errata:
                assert e.source in [a["href"] for a in errata.select("a")]
            assert page.select(".mdc-erratum"), "corrected figures are marked next to the figure"
        siblings = {a["href"].rstrip("/").split("/")[-1] for a in page.select(".mdc-siblings a")}
        others = {s.slug for s in catalog.in_category(d.category) if s.slug != d.slug}
        # at most ten neighbours by name; the category page lists them all
        assert siblings <= others
        assert len(siblings) == min(10, len(others)), d.slug


def test_category_pages_list_exactly_their_datasets_by_name(site, catalog):
    for category in catalog.collection.categories:
        page = soup(site / "categories" / category.slug / "index.html")
        rows = page.select(".mdc-category-table tbody tr")
        slugs = [row.a["href"].rstrip("/").split("/")[-1] for row in rows]
        expected = catalog.in_category(category.slug)
        assert slugs == [d.slug for d in expected]
        names = [row.a.get_text(strip=True) for row in rows]
        assert names == sorted(names, key=str.casefold)


def test_statistics_table_rows_and_sort_keys(site, catalog):
    page = soup(site / "statistics" / "index.html")
    table = page.select_one("#statistics-table")
    headers = [th.get_text(strip=True) for th in table.select("thead th")]
    for column in ("Name", "Origin", "Modality", "Target", "Frame size", "Count", "Classes", "Task", "Category", "Access", "Licence"):
        assert column in headers
    rows = table.select("tbody tr")
    # the HTML holds the first page of rows in catalog order; the script shows the rest
    assert [row["data-slug"] for row in rows] == [d.slug for d in catalog.datasets][:STATISTICS_PAGE_ROWS]
    by_slug = {d.slug: d for d in catalog.datasets}
    col = {name: headers.index(name) for name in headers}
    for row in rows:
        d = by_slug[row["data-slug"]]
        cells = row.find_all("td")
        frame = cells[col["Frame size"]]["data-sort"]
        images = cells[col["Count"]]["data-sort"]
        classes = cells[col["Classes"]]["data-sort"]
        assert frame == ("" if d.frame_size is None or d.frame_size.pixels is None else str(d.frame_size.pixels))
        # counts sort inside their unit's band: a count of slices never ranks among counts of images
        band = IMAGE_UNITS.index(d.images.unit) if d.images.unit else len(IMAGE_UNITS)
        assert images == ("" if d.images.best_total is None else str(band * 10**13 + d.images.best_total))
        assert cells[col["Origin"]].get_text(strip=True) == ("From the write-up" if d.from_write_up else "Added")
        if d.images.best_total is not None and d.images.unit is not None:
            assert UNIT_TERMS[d.images.unit].plural in cells[col["Count"]].get_text(" ") or d.images.best_total == 1
        assert classes == ("" if not d.classes else str(max(c.count for c in d.classes)))
        for key in (frame, images, classes):
            assert key == "" or re.fullmatch(r"\d+", key)


def _internal_targets(site: Path):
    for html in site.rglob("*.html"):
        page = soup(html)
        for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for element in page.find_all(tag):
                url = element.get(attr)
                if not url or url.startswith(("mailto:", "javascript:", "data:")):
                    continue
                parts = urlsplit(url)
                if parts.scheme or parts.netloc:
                    continue
                yield html, url, parts


def test_every_internal_link_resolves_to_a_file(site, catalog):
    broken = []
    for html, url, parts in _internal_targets(site):
        if not parts.path:
            continue  # same-page anchor
        path = unquote(parts.path)
        if path.startswith("/"):  # 404.html links from the site root (site_url's path)
            prefix = urlsplit(catalog.collection.site_url).path
            assert path.startswith(prefix), f"{html.relative_to(site)} → {url} is outside the site"
            target = (site / path[len(prefix) :]).resolve()
        else:
            target = (html.parent / path).resolve()
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            broken.append(f"{html.relative_to(site)} → {url}")
    assert not broken, "\n".join(broken[:20])


def test_same_page_anchors_exist(site, catalog):
    page = soup(site / "datasets" / "chexpert" / "index.html")
    ids = {el["id"] for el in page.select("[id]")}
    for a in page.select('article a[href^="#"]'):
        assert a["href"][1:] in ids, a["href"]


def test_nothing_is_loaded_from_another_host(site):
    offenders = []
    for html in site.rglob("*.html"):
        page = soup(html)
        for element in page.find_all(["script", "img", "iframe", "source", "video", "audio", "embed", "object"]):
            url = element.get("src") or element.get("data") or ""
            if urlsplit(url).netloc:
                offenders.append(f"{html.relative_to(site)}: {element.name} {url}")
        for link in page.find_all("link"):
            rel = set(link.get("rel", []))
            if rel & {"stylesheet", "preload", "icon", "modulepreload", "preconnect", "dns-prefetch"} and urlsplit(link.get("href", "")).netloc:
                offenders.append(f"{html.relative_to(site)}: link {link.get('href')}")
        for style in page.find_all("style"):
            if re.search(r"url\(\s*['\"]?(https?:)?//", style.get_text()):
                offenders.append(f"{html.relative_to(site)}: inline style url")
    for css in site.rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        for match in re.finditer(r"url\(\s*['\"]?((?:https?:)?//[^)'\"]+)", text):
            offenders.append(f"{css.relative_to(site)}: {match.group(1)}")
        assert "@import url(" not in text or "//" not in text
    assert not offenders, "\n".join(offenders[:20])


def test_no_google_fonts_and_no_github_api_calls(site):
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis.com" not in index
    assert "fonts.gstatic.com" not in index
    # Material fetches repository stars from api.github.com for this component
    assert 'data-md-component="source"' not in index


def test_home_page_counts_categories_citation_and_licence(site, catalog):
    page = soup(site / "index.html")
    counts = page.select_one(".mdc-counts").get_text(" ", strip=True)
    assert f"{len(catalog.datasets)} datasets" in counts
    assert f"{len(catalog.collection.categories)} categories" in counts
    cards = page.select(".grid.cards li")
    assert len(cards) == len(catalog.collection.categories)
    assert page.find(id="how-to-cite") is not None
    assert "non-commercial use only" in page.get_text(" ").lower()


def test_data_exports_are_published(site, catalog):
    data = json.loads((site / "data" / "datasets.json").read_text(encoding="utf-8"))
    assert len(data["datasets"]) == len(catalog.datasets)
    assert (site / "data" / "datasets.csv").read_text(encoding="utf-8").count("\n") == len(catalog.datasets) + 1
    assert "@" in (site / "data" / "references.bib").read_text(encoding="utf-8")


def test_about_and_contributing_pages(site):
    about = soup(site / "about" / "index.html").get_text(" ")
    assert "Errata policy" in about
    contributing = soup(site / "contributing" / "index.html").get_text(" ")
    assert "python -m generator check" in contributing
    assert "python -m generator new" in contributing


def test_nav_lists_the_catalog_categories_in_order(catalog):
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.SafeLoader)  # noqa: S506
    nav_categories = next(item["Categories"] for item in config["nav"] if "Categories" in item)
    assert nav_categories == [f"categories/{c.slug}.md" for c in catalog.collection.categories]
    assert config["site_url"] == catalog.collection.site_url
    assert config["repo_url"] == catalog.collection.repository.url
    assert config["theme"]["font"] is False


def test_charts_are_static_svg_with_text_alternatives(site, catalog):
    statistics = soup(site / "statistics" / "index.html")
    for chart_id in ("chart-images", "chart-categories", "chart-tasks", "chart-frames"):
        svg = statistics.select_one(f"#{chart_id} svg")
        assert svg is not None, chart_id
        assert svg["role"] == "img"
        title, desc = svg.find("title"), svg.find("desc")
        assert title.get_text(strip=True) and len(desc.get_text(strip=True)) > 50
        assert svg["aria-labelledby"] == f"{title['id']} {desc['id']}"
    # each bar chart in its two layouts, one bar per category in each
    for variant in ("wide", "stacked"):
        bars = statistics.select(f"#chart-categories svg.mdc-chart-{variant} rect.mdc-chart-count")
        assert len(bars) == len(catalog.collection.categories), variant
    ids = [element["id"] for element in statistics.select("[id]")]
    assert len(ids) == len(set(ids)), "element ids repeat"
    points = statistics.select("#chart-frames circle")
    # every dataset with a size to plot is drawn (a size that varies has none): a point each,
    # or, in a large catalog, a point per grid cell that says how many datasets it stands for
    def represented(point) -> int:
        grouped = re.match(r"(\d+) datasets? of about ", point.find("title").get_text())
        return int(grouped.group(1)) if grouped else 1

    assert sum(map(represented, points)) == sum(1 for d in catalog.datasets if d.frame_size and d.frame_size.largest)
    home = soup(site / "index.html")
    assert home.select_one("#chart-images svg") is not None


def test_statistics_downloads_agree_with_the_exports(site):
    downloads = json.loads((site / "data" / "statistics-downloads.json").read_text(encoding="utf-8"))
    published = (site / "data" / "datasets.csv").read_text(encoding="utf-8")
    order = [row["slug"] for row in csv.DictReader(io.StringIO(published))]
    assert sorted(order) == sorted(downloads["csv"])
    assert downloads["csv_header"] + "".join(downloads["csv"][slug] for slug in order) == published
