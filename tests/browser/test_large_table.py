"""The statistics table with more rows than one page: paging, sorting and filtering the whole list."""

from __future__ import annotations

import csv
import io
import json

import pytest

from generator.models import IMAGE_UNITS, UNIT_TERMS, CountUnit

pytestmark = pytest.mark.browser


def shown(page) -> list[str]:
    return page.evaluate("() => Array.from(document.querySelectorAll('#statistics-table tbody tr')).map(r => r.dataset.slug)")


def test_rows_are_paged_and_all_can_be_shown(page, large_server):
    page.goto(large_server + "statistics/")
    page.wait_for_selector('#statistics-filters[data-ready="true"]')
    assert len(shown(page)) == 100
    assert page.locator("#statistics-count").inner_text() == "250 of 250 datasets (showing the first 100)"
    assert page.locator("#statistics-partial").is_hidden(), "the no-JavaScript note goes once every row is loaded"
    page.locator("#statistics-show-more").click()
    assert len(shown(page)) == 200
    page.locator("#statistics-show-all").click()
    assert len(shown(page)) == 250
    assert page.locator("#statistics-more").is_hidden()


def test_sorting_orders_the_whole_list_not_the_page(page, large_server, large_site):
    page.goto(large_server + "statistics/?sort=images&order=desc")
    page.wait_for_selector('#statistics-filters[data-ready="true"]')
    data = json.loads((large_site / "data" / "datasets.json").read_text())["datasets"]

    def total(d):
        images = d["images"]
        if images["total"] is not None:
            return images["total"]
        if images["train"] is not None and images["test"] is not None:
            return images["train"] + images["test"]
        return None

    # counts of different units are never ranked together: units in the vocabulary's order, then the total
    units = [unit.value for unit in IMAGE_UNITS]
    known = sorted(((units.index(d["images"]["unit"]), total(d)) for d in data if total(d) is not None), reverse=True)
    shown = page.evaluate(
        """() => {
            const index = Array.from(document.querySelectorAll('#statistics-table thead th')).findIndex(th => th.dataset.key === 'images');
            return Array.from(document.querySelectorAll('#statistics-table tbody tr')).map(r => r.cells[index].textContent);
        }"""
    )
    slugs = page.evaluate("() => Array.from(document.querySelectorAll('#statistics-table tbody tr')).map(r => r.dataset.slug)")
    by_slug = {d["slug"]: d for d in data}
    assert [(units.index(by_slug[s]["images"]["unit"]), total(by_slug[s])) for s in slugs] == known[:100]
    # each cell names its unit, so a reader sees which things are ranked
    assert all(
        UNIT_TERMS[CountUnit(by_slug[s]["images"]["unit"])].plural in text or "1 " in text for s, text in zip(slugs, shown, strict=True)
    )


def test_filters_apply_to_every_row(page, large_server, large_site):
    page.goto(large_server + "statistics/?category=mri-ct")
    page.wait_for_selector('#statistics-filters[data-ready="true"]')
    data = json.loads((large_site / "data" / "datasets.json").read_text())["datasets"]
    expected = [d["slug"] for d in data if d["category"] == "mri-ct"]
    if len(expected) > 100:
        page.locator("#statistics-show-all").click()
    assert shown(page) == expected
    assert page.locator("#statistics-count").inner_text().startswith(f"{len(expected)} of 250 datasets")


def test_csv_download_has_every_row_of_the_view(page, large_server):
    page.goto(large_server + "statistics/?sort=name")
    page.wait_for_selector('#statistics-filters[data-ready="true"]')
    view = page.evaluate("() => window.mdcStatistics.view().map(r => r.slug)")
    assert len(view) == 250
    assert len(shown(page)) == 100
    with page.expect_download() as info:
        page.locator("#download-csv").click()
    rows = list(csv.DictReader(io.StringIO(info.value.path().read_text(encoding="utf-8"))))
    assert [row["slug"] for row in rows] == view
