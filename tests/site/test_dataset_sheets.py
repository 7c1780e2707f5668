"""Dataset sheets in the built site: the state of every figure, the licence, how to get the data, relations on both ends."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.models import FigureState, LicenceStatus
from generator.render.audit import UNCHECKED, figure_states

pytestmark = pytest.mark.slow

ROW_LABELS = {
    "modality": "Modality",
    "target": "Target",
    "tasks": "Tasks",
    "frame_size": "Frame size (pixels)",
    "images.train": "Count: training",
    "images.test": "Count: test",
    "images.total": "Count: total",
    "classes": "Classes",
    "year": "Year",
    "homepage": "Official page",
    "version": "Version",
}


def page_of(site: Path, slug: str) -> BeautifulSoup:
    return BeautifulSoup((site / "datasets" / slug / "index.html").read_text(encoding="utf-8"), "html.parser")


def state_cells(page: BeautifulSoup) -> dict[str, BeautifulSoup]:
    rows = page.select("div.mdc-summary table tbody tr")
    return {row.th.get_text(" ", strip=True): row.select("td")[1] for row in rows}


def test_every_figure_shows_its_state_and_source(site, catalog):
    for d in catalog.datasets:
        cells = state_cells(page_of(site, d.slug))
        for field, label in ROW_LABELS.items():
            if field == "version" and d.version is None and d.from_write_up:
                assert label not in cells, d.slug  # a write-up dataset names a version only where one is given
                continue
            cell = cells[label]
            check = d.figures.get(field)
            text = cell.get_text(" ", strip=True)
            if check is None and not d.from_write_up and figure_states(d).get(field) is None:
                assert text == "no source read states it", (d.slug, field, text)
            elif check is None:
                assert text == "not yet checked against a source", (d.slug, field, text)
            elif check.state is FigureState.confirmed:
                assert text.startswith("confirmed"), (d.slug, field, text)
                assert check.source in [a["href"] for a in cell.select("a")], (d.slug, field)
            elif check.state is FigureState.corrected:
                assert text.startswith("corrected"), (d.slug, field, text)
                assert cell.select_one('a[href="#errata"]') is not None
            else:
                assert text.startswith("unconfirmed"), (d.slug, field, text)
                assert check.note and " ".join(check.note.split()) in text


def test_licence_section_tells_stated_none_found_and_not_researched_apart(site, catalog):
    for d in catalog.datasets:
        section = page_of(site, d.slug).select_one("div.mdc-licence")
        assert section is not None, d.slug
        text = section.get_text(" ", strip=True)
        hrefs = [a["href"] for a in section.select("a")]
        if d.license is None:
            assert "Not yet researched" in text, d.slug
        elif d.license.status is LicenceStatus.stated:
            assert d.license.name in text, d.slug
            assert d.license.checked_url in hrefs, d.slug
            assert "Commercial use:" in text
        else:
            assert "No licence found on the pages checked" in text, d.slug
            assert "stated by the provider" not in text, d.slug  # only what was read is claimed
            assert set(d.license.pages_checked) <= set(hrefs), d.slug


def test_get_the_data_section_has_steps_formats_split_and_loaders(site, catalog):
    for d in catalog.datasets:
        section = page_of(site, d.slug).select_one("div.mdc-get-data")
        assert section is not None, d.slug
        text = section.get_text(" ", strip=True)
        g = d.get_data
        if g is None:
            assert "Not yet researched" in text
            continue
        assert " ".join(g.steps.split())[:40] in text, d.slug
        for fmt in g.image_formats:
            assert fmt.value in text, (d.slug, fmt)
        codes = [c.get_text() for c in section.select("ul.mdc-loaders pre code")]
        assert codes == [loader.call for loader in g.loaders], d.slug
        for loader in g.loaders:
            assert loader.source in [a["href"] for a in section.select("a")]
        for issue in g.known_issues:
            assert issue.source in [a["href"] for a in section.select("ul.mdc-known-issues a")]


def test_relations_appear_on_both_pages_and_in_json_ld(site, catalog):
    properties = {"subset-of": ("isPartOf", "hasPart"), "derived-from": ("isBasedOn", None), "successor-of": ("isBasedOn", None)}
    for d in catalog.datasets:
        for relation in d.relations:
            if relation.dataset is None:
                continue
            here, there = page_of(site, d.slug), page_of(site, relation.dataset)
            assert f"../../datasets/{relation.dataset}/" in [a["href"] for a in here.select("ul.mdc-relations a")], d.slug
            assert f"../../datasets/{d.slug}/" in [a["href"] for a in there.select("ul.mdc-relations a")], relation.dataset
            forward, backward = properties.get(relation.type.value, (None, None))
            if forward:
                data = json.loads(here.select_one('script[type="application/ld+json"]').string)
                assert any(relation.dataset in item["url"] for item in data[forward]), d.slug
            if backward:
                data = json.loads(there.select_one('script[type="application/ld+json"]').string)
                assert any(d.slug in item["url"] for item in data[backward]), relation.dataset


def test_about_page_counts_match_the_catalog(site, catalog):
    """Computed here from the catalog, independently of the page's own arithmetic."""
    states = {"confirmed": 0, "corrected": 0, "unconfirmed": 0, UNCHECKED: 0}
    for d in catalog.datasets:
        for state in figure_states(d).values():
            states[state] += 1
    about = BeautifulSoup((site / "about" / "index.html").read_text(encoding="utf-8"), "html.parser")

    def cell(name: str) -> str:
        return about.select_one(f"#audit-{name}").get_text(strip=True).replace(",", "")

    assert cell("confirmed") == str(states["confirmed"])
    assert cell("corrected") == str(states["corrected"])
    assert cell("unconfirmed") == str(states["unconfirmed"])
    stated = sum(1 for d in catalog.datasets if d.license and d.license.status is LicenceStatus.stated)
    none = sum(1 for d in catalog.datasets if d.license and d.license.status is LicenceStatus.none_found)
    assert cell("licences-stated") == f"{stated} of {len(catalog.datasets)}"
    assert cell("licences-none") == str(none)
    assert cell("licences-unknown") == str(sum(1 for d in catalog.datasets if d.license is None))
    assert cell("loaders") == str(sum(1 for d in catalog.datasets if d.get_data and d.get_data.loaders))
    home_page = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    home = home_page.select_one("p.mdc-audit-line").get_text(" ")
    assert f"{states['confirmed']:,} are confirmed" in home
    assert f"{states['corrected']:,} corrected" in home
    # where the datasets come from: counted here from the files' origin, never written by hand
    write_up = sum(1 for d in catalog.datasets if d.from_write_up)
    added = len(catalog.datasets) - write_up
    for text in (home_page.select_one("#origin-line").get_text(" "), about.select_one("#origin-counts").get_text(" ")):
        words = " ".join(text.split())
        assert f"{write_up} datasets" in words
        assert (f"{added} dataset " if added == 1 else f"{added} datasets") in words
